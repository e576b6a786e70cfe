/**
 * The syllabus every new institute starts with: JEE Main/Advanced and NEET UG chapters (NCERT
 * order) for Physics, Chemistry, Mathematics and Biology, the three CAT sections and UPSC
 * Prelims (GS Paper I and CSAT). Teachers rename, reorder, archive and extend it afterwards.
 * Data only: each chapter is `[name, topics]`.
 */
export type SyllabusTemplate = readonly {
  readonly name: string;
  readonly chapters: readonly (readonly [string, readonly string[]])[];
}[];

export const defaultSyllabus: SyllabusTemplate = [
  {
    name: 'Physics',
    chapters: [
      [
        'Units and Measurement',
        ['SI Units', 'Dimensional Analysis', 'Significant Figures', 'Errors in Measurement'],
      ],
      [
        'Kinematics',
        [
          'Motion in a Straight Line',
          'Graphs of Motion',
          'Projectile Motion',
          'Relative Velocity',
          'Circular Motion',
        ],
      ],
      ['Laws of Motion', ["Newton's Laws", 'Friction', 'Free Body Diagrams', 'Dynamics of Circular Motion']],
      [
        'Work, Energy and Power',
        ['Work-Energy Theorem', 'Conservation of Mechanical Energy', 'Power', 'Collisions'],
      ],
      [
        'Rotational Motion',
        ['Centre of Mass', 'Moment of Inertia', 'Torque and Angular Momentum', 'Rolling Motion'],
      ],
      [
        'Gravitation',
        ["Kepler's Laws", 'Gravitational Field and Potential', 'Satellites and Escape Velocity'],
      ],
      [
        'Properties of Solids and Liquids',
        ['Elasticity', 'Fluid Statics', "Bernoulli's Principle", 'Viscosity', 'Surface Tension'],
      ],
      ['Thermal Physics', ['Thermal Expansion', 'Calorimetry', 'Heat Transfer']],
      [
        'Thermodynamics',
        ['First Law of Thermodynamics', 'Thermodynamic Processes', 'Second Law and Heat Engines'],
      ],
      ['Kinetic Theory of Gases', ['Ideal Gas Equation', 'Degrees of Freedom', 'Mean Free Path']],
      [
        'Oscillations',
        ['Simple Harmonic Motion', 'Spring-Mass System', 'Simple Pendulum', 'Damped and Forced Oscillations'],
      ],
      ['Waves', ['Wave Motion', 'Superposition and Standing Waves', 'Beats', 'Doppler Effect']],
      ['Electrostatics', ["Coulomb's Law", 'Electric Field', "Gauss's Law", 'Electric Potential']],
      ['Capacitance', ['Capacitors in Series and Parallel', 'Dielectrics', 'Energy Stored in a Capacitor']],
      [
        'Current Electricity',
        ["Ohm's Law", "Kirchhoff's Laws", 'Wheatstone Bridge and Meter Bridge', 'Potentiometer'],
      ],
      [
        'Magnetic Effects of Current and Magnetism',
        ['Biot-Savart Law', "Ampere's Law", 'Force on a Moving Charge', 'Magnetic Materials'],
      ],
      [
        'Electromagnetic Induction and Alternating Current',
        ["Faraday's Law", 'Self and Mutual Inductance', 'AC Circuits', 'Transformers'],
      ],
      ['Electromagnetic Waves', ['Displacement Current', 'Electromagnetic Spectrum']],
      [
        'Ray Optics',
        ['Reflection and Mirrors', 'Refraction and Lenses', 'Prism and Dispersion', 'Optical Instruments'],
      ],
      [
        'Wave Optics',
        ["Huygens' Principle", "Young's Double Slit Experiment", 'Diffraction', 'Polarisation'],
      ],
      ['Dual Nature of Matter and Radiation', ['Photoelectric Effect', 'de Broglie Wavelength']],
      [
        'Atoms and Nuclei',
        ['Bohr Model', 'Radioactivity', 'Nuclear Fission and Fusion', 'Mass Defect and Binding Energy'],
      ],
      ['Semiconductor Electronics', ['p-n Junction Diode', 'Rectifiers and Zener Diode', 'Logic Gates']],
      ['Modern Physics', ['X-rays', 'Photons and Matter Waves', 'Experimental Skills']],
    ],
  },
  {
    name: 'Chemistry',
    chapters: [
      ['Some Basic Concepts of Chemistry', ['Mole Concept', 'Stoichiometry', 'Concentration Terms']],
      ['Structure of Atom', ['Quantum Numbers', 'Electronic Configuration', 'Bohr Model of Hydrogen']],
      [
        'Classification of Elements and Periodicity',
        ['Periodic Trends', 'Ionisation Enthalpy and Electron Gain Enthalpy'],
      ],
      [
        'Chemical Bonding and Molecular Structure',
        ['VSEPR Theory', 'Hybridisation', 'Molecular Orbital Theory', 'Hydrogen Bonding'],
      ],
      ['States of Matter', ['Gas Laws', 'Real Gases and van der Waals Equation']],
      ['Chemical Thermodynamics', ['Enthalpy and Hess’s Law', 'Entropy and Gibbs Energy', 'Spontaneity']],
      ['Chemical Equilibrium', ['Equilibrium Constant', "Le Chatelier's Principle"]],
      ['Ionic Equilibrium', ['pH and Buffers', 'Solubility Product', 'Hydrolysis of Salts']],
      ['Redox Reactions', ['Oxidation Number', 'Balancing Redox Equations']],
      ['Solutions', ["Raoult's Law", 'Colligative Properties', "van 't Hoff Factor"]],
      ['Electrochemistry', ['Nernst Equation', 'Conductance', 'Electrolysis and Batteries']],
      ['Chemical Kinetics', ['Rate Law and Order', 'Integrated Rate Equations', 'Arrhenius Equation']],
      ['Surface Chemistry', ['Adsorption', 'Colloids', 'Catalysis']],
      ['Hydrogen and s-Block Elements', ['Hydrogen and Water', 'Alkali Metals', 'Alkaline Earth Metals']],
      ['p-Block Elements', ['Group 13 and 14', 'Group 15 and 16', 'Halogens and Noble Gases']],
      ['d- and f-Block Elements', ['Transition Metals', 'Lanthanoids and Actinoids', 'KMnO4 and K2Cr2O7']],
      ['Coordination Compounds', ['Nomenclature and Isomerism', 'Crystal Field Theory', "Werner's Theory"]],
      [
        'General Principles of Organic Chemistry',
        ['IUPAC Nomenclature', 'Isomerism', 'Electronic Effects', 'Reaction Intermediates'],
      ],
      ['Hydrocarbons', ['Alkanes', 'Alkenes and Alkynes', 'Aromatic Hydrocarbons']],
      ['Haloalkanes and Haloarenes', ['SN1 and SN2 Reactions', 'Elimination Reactions']],
      [
        'Alcohols, Phenols and Ethers',
        ['Preparation of Alcohols', 'Acidity of Phenols', 'Reactions of Ethers'],
      ],
      [
        'Aldehydes, Ketones and Carboxylic Acids',
        ['Nucleophilic Addition', 'Named Reactions', 'Acidity of Carboxylic Acids'],
      ],
      ['Amines', ['Basicity of Amines', 'Diazonium Salts']],
      ['Biomolecules', ['Carbohydrates', 'Proteins', 'Nucleic Acids', 'Vitamins']],
      ['Polymers and Chemistry in Everyday Life', ['Polymerisation', 'Drugs and Detergents']],
    ],
  },
  {
    name: 'Mathematics',
    chapters: [
      [
        'Sets, Relations and Functions',
        ['Sets and Venn Diagrams', 'Relations', 'Types of Functions', 'Composition and Inverse'],
      ],
      [
        'Complex Numbers',
        ['Algebra of Complex Numbers', 'Argand Plane and Polar Form', 'Cube Roots of Unity'],
      ],
      ['Quadratic Equations', ['Nature of Roots', 'Relation between Roots and Coefficients']],
      [
        'Matrices and Determinants',
        ['Algebra of Matrices', 'Properties of Determinants', 'Inverse and Systems of Equations'],
      ],
      [
        'Permutations and Combinations',
        ['Fundamental Principle of Counting', 'Permutations', 'Combinations'],
      ],
      ['Binomial Theorem', ['General Term', 'Middle Term', 'Properties of Binomial Coefficients']],
      ['Sequences and Series', ['Arithmetic Progression', 'Geometric Progression', 'Special Series']],
      [
        'Trigonometry',
        [
          'Trigonometric Ratios and Identities',
          'Trigonometric Equations',
          'Inverse Trigonometric Functions',
          'Heights and Distances',
        ],
      ],
      ['Straight Lines', ['Slope and Forms of a Line', 'Distance of a Point from a Line', 'Pair of Lines']],
      ['Conic Sections', ['Circles', 'Parabola', 'Ellipse', 'Hyperbola']],
      ['Limits, Continuity and Differentiability', ['Limits', 'Continuity', 'Differentiability']],
      [
        'Differential Calculus',
        ['Derivatives', 'Application of Derivatives', 'Maxima and Minima', 'Tangents and Normals'],
      ],
      ['Integral Calculus', ['Indefinite Integrals', 'Definite Integrals', 'Area under Curves']],
      ['Differential Equations', ['Order and Degree', 'Variable Separable', 'Linear Differential Equations']],
      ['Vector Algebra', ['Dot Product', 'Cross Product', 'Scalar Triple Product']],
      ['Three Dimensional Geometry', ['Direction Cosines', 'Lines in Space', 'Planes']],
      ['Statistics', ['Mean and Median', 'Variance and Standard Deviation']],
      [
        'Probability',
        ['Classical Probability', 'Conditional Probability', "Bayes' Theorem", 'Binomial Distribution'],
      ],
      ['Mathematical Reasoning', ['Statements and Connectives', 'Tautology and Contradiction']],
    ],
  },
  {
    name: 'Biology',
    chapters: [
      ['Diversity in Living World', ['Five Kingdom Classification', 'Plant Kingdom', 'Animal Kingdom']],
      [
        'Structural Organisation in Plants and Animals',
        ['Morphology of Flowering Plants', 'Anatomy of Flowering Plants', 'Animal Tissues'],
      ],
      ['Cell: Structure and Function', ['Cell Organelles', 'Biomolecules', 'Cell Cycle and Cell Division']],
      [
        'Plant Physiology',
        ['Transport in Plants', 'Photosynthesis', 'Respiration in Plants', 'Plant Growth and Development'],
      ],
      [
        'Human Physiology',
        [
          'Digestion and Absorption',
          'Breathing and Exchange of Gases',
          'Body Fluids and Circulation',
          'Excretory Products',
          'Neural Control and Coordination',
        ],
      ],
      [
        'Reproduction',
        ['Sexual Reproduction in Flowering Plants', 'Human Reproduction', 'Reproductive Health'],
      ],
      [
        'Genetics and Evolution',
        ['Principles of Inheritance', 'Molecular Basis of Inheritance', 'Evolution'],
      ],
      ['Biology and Human Welfare', ['Human Health and Disease', 'Microbes in Human Welfare']],
      ['Biotechnology', ['Principles and Processes', 'Applications of Biotechnology']],
      ['Ecology', ['Organisms and Populations', 'Ecosystem', 'Biodiversity and Conservation']],
    ],
  },
  {
    name: 'CAT',
    chapters: [
      ['VARC', ['Reading Comprehension', 'Para Jumbles', 'Para Summary', 'Odd Sentence Out']],
      [
        'DILR',
        [
          'Tables and Charts',
          'Arrangements',
          'Games and Tournaments',
          'Venn Diagrams',
          'Routes and Networks',
        ],
      ],
      ['QA', ['Arithmetic', 'Algebra', 'Geometry and Mensuration', 'Number System', 'Modern Maths']],
    ],
  },
  {
    name: 'UPSC',
    chapters: [
      [
        'GS Paper I: History',
        ['Ancient India', 'Medieval India', 'Modern India and the Freedom Struggle', 'Art and Culture'],
      ],
      ['GS Paper I: Geography', ['Physical Geography', 'Indian Geography', 'World Geography']],
      [
        'GS Paper I: Polity',
        [
          'Constitution and Fundamental Rights',
          'Parliament and State Legislatures',
          'Judiciary',
          'Local Government',
        ],
      ],
      [
        'GS Paper I: Economy',
        ['Money and Banking', 'Budget and Fiscal Policy', 'Inflation and Growth', 'External Sector'],
      ],
      [
        'GS Paper I: Environment',
        ['Ecology and Biodiversity', 'Climate Change', 'Environmental Conventions'],
      ],
      [
        'GS Paper I: Science and Technology',
        ['Space Technology', 'Biotechnology and Health', 'Defence and IT'],
      ],
      ['GS Paper I: Current Affairs', ['National', 'International', 'Schemes and Reports']],
      ['CSAT: Comprehension', ['Reading Comprehension', 'Interpersonal and Communication Skills']],
      ['CSAT: Reasoning', ['Logical Reasoning', 'Analytical Ability', 'Decision Making']],
      ['CSAT: Quantitative Aptitude', ['Basic Numeracy', 'Data Interpretation']],
    ],
  },
];
