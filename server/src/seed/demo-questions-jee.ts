import {
  assertionReason,
  at,
  matrix,
  multi,
  numerical,
  single,
  type DemoQuestion,
} from './demo-question-builders.js';

/** JEE-style demo questions: Physics, Chemistry, Mathematics, most with a Hindi version. */
export const jeeDemoQuestions: DemoQuestion[] = [
  single(
    at('Physics', 'Kinematics', 'Projectile Motion'),
    { difficulty: 'easy', tags: ['pyq', 'jee main'], source: 'JEE Main 2019' },
    'b',
    {
      stem: 'A ball is projected with speed $u$ at an angle $\\theta$ to the horizontal. Its horizontal range $R = \\dfrac{u^2 \\sin 2\\theta}{g}$ is maximum when $\\theta$ equals',
      options: ['$30^\\circ$', '$45^\\circ$', '$60^\\circ$', '$90^\\circ$'],
      solution: '$\\sin 2\\theta$ is largest ($=1$) at $2\\theta = 90^\\circ$, so $\\theta = 45^\\circ$.',
    },
    {
      stem: 'एक गेंद को क्षैतिज से $\\theta$ कोण पर चाल $u$ से प्रक्षेपित किया जाता है। उसकी क्षैतिज परास $R = \\dfrac{u^2 \\sin 2\\theta}{g}$ अधिकतम होगी जब $\\theta$ का मान हो',
      options: ['$30^\\circ$', '$45^\\circ$', '$60^\\circ$', '$90^\\circ$'],
      solution: '$2\\theta = 90^\\circ$ पर $\\sin 2\\theta = 1$ अधिकतम है, अतः $\\theta = 45^\\circ$।',
    },
  ),
  single(
    at('Physics', 'Laws of Motion', "Newton's Laws"),
    { difficulty: 'easy', tags: ['ncert', 'vectors'], source: 'HC Verma, Concepts of Physics Vol. 1' },
    'c',
    {
      stem: 'A force $\\vec{F} = (3\\hat{i} + 4\\hat{j})\\,\\text{N}$ acts on a body of mass $2\\,\\text{kg}$. Using $\\vec{F} = m\\vec{a}$, the magnitude of its acceleration is',
      options: [
        '$1.5\\ \\text{m s}^{-2}$',
        '$2\\ \\text{m s}^{-2}$',
        '$2.5\\ \\text{m s}^{-2}$',
        '$5\\ \\text{m s}^{-2}$',
      ],
      solution: '$|\\vec{F}| = \\sqrt{3^2 + 4^2} = 5\\,\\text{N}$, so $a = 5/2 = 2.5\\ \\text{m s}^{-2}$.',
    },
    {
      stem: '$2\\,\\text{kg}$ द्रव्यमान की एक वस्तु पर बल $\\vec{F} = (3\\hat{i} + 4\\hat{j})\\,\\text{N}$ लगता है। $\\vec{F} = m\\vec{a}$ से उसके त्वरण का परिमाण है',
      options: [
        '$1.5\\ \\text{m s}^{-2}$',
        '$2\\ \\text{m s}^{-2}$',
        '$2.5\\ \\text{m s}^{-2}$',
        '$5\\ \\text{m s}^{-2}$',
      ],
      solution: '$|\\vec{F}| = 5\\,\\text{N}$, अतः न्यूटन के दूसरे नियम से $a = 2.5\\ \\text{m s}^{-2}$।',
    },
  ),
  numerical(
    at('Physics', 'Work, Energy and Power', 'Work-Energy Theorem'),
    { difficulty: 'easy', tags: ['integer type'], source: 'JEE Main 2021 (adapted)' },
    { kind: 'exact', value: -100 },
    { integerOnly: true },
    {
      stem: 'A block of mass $2\\,\\text{kg}$ is lifted slowly through a height of $5\\,\\text{m}$. Find the work done by gravity, in joules. Take $g = 10\\ \\text{m s}^{-2}$.',
      solution: '$W_g = -mgh = -2 \\times 10 \\times 5 = -100\\,\\text{J}$.',
    },
    {
      stem: '$2\\,\\text{kg}$ द्रव्यमान के एक गुटके को धीरे-धीरे $5\\,\\text{m}$ ऊँचाई तक उठाया जाता है। गुरुत्व द्वारा किया गया कार्य जूल में ज्ञात कीजिए। $g = 10\\ \\text{m s}^{-2}$ लीजिए।',
      solution: '$W_g = -mgh = -100\\,\\text{J}$।',
    },
  ),
  multi(
    at('Physics', 'Electrostatics', "Gauss's Law"),
    { difficulty: 'medium', tags: ['jee advanced', 'concept'], source: 'JEE Advanced 2016 (adapted)' },
    ['a', 'c'],
    {
      stem: 'Which of the following statements about the electric flux $\\Phi = \\oint \\vec{E} \\cdot d\\vec{A}$ through a closed surface are correct?',
      options: [
        'It equals $q_{\\text{enc}}/\\varepsilon_0$',
        'It depends on the charges outside the surface',
        'It is zero if the surface encloses no net charge',
        'It depends on the shape of the surface',
      ],
      solution:
        "By Gauss's law the flux depends only on the enclosed charge, not on outside charges or the surface's shape.",
    },
    {
      stem: 'किसी बंद पृष्ठ से गुजरने वाले विद्युत फ्लक्स $\\Phi = \\oint \\vec{E} \\cdot d\\vec{A}$ के बारे में कौन-से कथन सही हैं?',
      options: [
        'यह $q_{\\text{enc}}/\\varepsilon_0$ के बराबर है',
        'यह पृष्ठ के बाहर के आवेशों पर निर्भर करता है',
        'यदि पृष्ठ के अंदर कुल आवेश शून्य है तो यह शून्य है',
        'यह पृष्ठ के आकार पर निर्भर करता है',
      ],
      solution: 'गाउस के नियम से फ्लक्स केवल परिबद्ध आवेश पर निर्भर करता है।',
    },
  ),
  matrix(
    at('Physics', 'Ray Optics', 'Reflection and Mirrors'),
    { difficulty: 'medium', tags: ['matrix match', 'jee advanced'], source: 'JEE Advanced 2014 (adapted)' },
    { p: ['2'], q: ['1'], r: ['3'], s: ['4'] },
    {
      stem: 'Match the optical element in List I with the image it forms of a real object placed far away (List II).',
      rows: ['Convex mirror', 'Concave mirror (object beyond $C$)', 'Plane mirror', 'Concave lens'],
      columns: [
        'Real, inverted, diminished',
        'Virtual, erect, diminished, behind the mirror',
        'Virtual, erect, same size',
        'Virtual, erect, diminished, on the same side as the object',
      ],
    },
    {
      stem: 'सूची I के प्रकाशीय अवयव का सूची II में दूर रखी वास्तविक वस्तु के प्रतिबिंब से मिलान कीजिए।',
      rows: ['उत्तल दर्पण', 'अवतल दर्पण (वस्तु $C$ से परे)', 'समतल दर्पण', 'अवतल लेंस'],
      columns: [
        'वास्तविक, उल्टा, छोटा',
        'आभासी, सीधा, छोटा, दर्पण के पीछे',
        'आभासी, सीधा, समान आकार',
        'आभासी, सीधा, छोटा, वस्तु की ओर',
      ],
    },
  ),
  assertionReason(
    at('Physics', 'Gravitation', 'Satellites and Escape Velocity'),
    { difficulty: 'medium', tags: ['assertion reason', 'neet'], source: 'NEET 2018 (adapted)' },
    'both_true_reason_explains',
    {
      assertion: 'The escape velocity from the Earth does not depend on the mass of the body projected.',
      reason:
        'Escape velocity is $v_e = \\sqrt{2GM/R}$, where $M$ and $R$ are the mass and radius of the Earth.',
    },
    {
      assertion: 'पृथ्वी से पलायन वेग प्रक्षेपित वस्तु के द्रव्यमान पर निर्भर नहीं करता।',
      reason: 'पलायन वेग $v_e = \\sqrt{2GM/R}$ है, जहाँ $M$ और $R$ पृथ्वी का द्रव्यमान और त्रिज्या हैं।',
    },
  ),
  numerical(
    at('Physics', 'Rotational Motion', 'Moment of Inertia'),
    { difficulty: 'hard', tags: ['jee advanced'], source: 'JEE Advanced 2019 (adapted)' },
    { kind: 'exact', value: '0.125' },
    { decimals: 2, rounding: 'truncate_or_round' },
    {
      stem: 'A thin uniform ring of mass $1\\,\\text{kg}$ and radius $0.5\\,\\text{m}$ rotates about a diameter. Find its moment of inertia in $\\text{kg m}^2$, truncated or rounded to two decimal places.',
      solution:
        'About its axis $I_z = MR^2$; by the perpendicular-axis theorem $I_{\\text{diameter}} = \\tfrac{1}{2}MR^2 = \\tfrac{1}{2} \\times 1 \\times 0.25 = 0.125$, so $0.12$ or $0.13$.',
    },
    {
      stem: '$1\\,\\text{kg}$ द्रव्यमान और $0.5\\,\\text{m}$ त्रिज्या की एक पतली एकसमान वलय अपने व्यास के परितः घूमती है। उसका जड़त्व आघूर्ण $\\text{kg m}^2$ में दो दशमलव स्थानों तक ज्ञात कीजिए।',
      solution: 'लंबवत अक्ष प्रमेय से $I_{\\text{व्यास}} = \\tfrac{1}{2}MR^2 = 0.125$।',
    },
  ),
  single(
    at('Physics', 'Dual Nature of Matter and Radiation', 'Photoelectric Effect'),
    { difficulty: 'medium', tags: ['pyq', 'modern physics'], source: 'JEE Main 2023 Shift 1' },
    'a',
    {
      stem: 'Light of energy $5\\,\\text{eV}$ falls on a metal of work function $\\phi = 3\\,\\text{eV}$. The stopping potential is',
      options: ['$2\\,\\text{V}$', '$3\\,\\text{V}$', '$5\\,\\text{V}$', '$8\\,\\text{V}$'],
      solution: '$eV_0 = h\\nu - \\phi = 5 - 3 = 2\\,\\text{eV}$, so $V_0 = 2\\,\\text{V}$.',
    },
    {
      stem: '$5\\,\\text{eV}$ ऊर्जा का प्रकाश $\\phi = 3\\,\\text{eV}$ कार्य फलन वाली धातु पर पड़ता है। निरोधी विभव है',
      options: ['$2\\,\\text{V}$', '$3\\,\\text{V}$', '$5\\,\\text{V}$', '$8\\,\\text{V}$'],
    },
  ),
  single(
    at('Chemistry', 'Some Basic Concepts of Chemistry', 'Mole Concept'),
    { difficulty: 'easy', tags: ['ncert', 'neet'], source: 'NCERT Chemistry Class 11, Chapter 1' },
    'b',
    {
      stem: 'How many moles of $\\mathrm{CO_2}$ are present in $4.4\\,\\text{g}$ of carbon dioxide? (Molar mass of $\\mathrm{CO_2} = 44\\,\\text{g mol}^{-1}$)',
      options: ['$0.01$', '$0.1$', '$1$', '$10$'],
      solution: '$n = \\dfrac{4.4}{44} = 0.1\\ \\text{mol}$.',
    },
    {
      stem: '$4.4\\,\\text{g}$ कार्बन डाइऑक्साइड में $\\mathrm{CO_2}$ के कितने मोल हैं? ($\\mathrm{CO_2}$ का मोलर द्रव्यमान $= 44\\,\\text{g mol}^{-1}$)',
      options: ['$0.01$', '$0.1$', '$1$', '$10$'],
      solution: '$n = 4.4/44 = 0.1$ मोल।',
    },
  ),
  single(
    at('Chemistry', 'Chemical Bonding and Molecular Structure', 'Hybridisation'),
    { difficulty: 'medium', tags: ['pyq', 'vsepr'], source: 'NEET 2020' },
    'd',
    {
      stem: 'The hybridisation of the central atom in $\\mathrm{SF_6}$ is',
      options: ['$sp^3$', '$sp^3d$', '$dsp^2$', '$sp^3d^2$'],
      solution: 'Six bond pairs and no lone pair on S: octahedral, $sp^3d^2$.',
    },
    {
      stem: '$\\mathrm{SF_6}$ में केंद्रीय परमाणु का संकरण है',
      options: ['$sp^3$', '$sp^3d$', '$dsp^2$', '$sp^3d^2$'],
      solution: 'S पर छह बंध युग्म और कोई एकाकी युग्म नहीं: अष्टफलकीय, $sp^3d^2$।',
    },
  ),
  numerical(
    at('Chemistry', 'Ionic Equilibrium', 'pH and Buffers'),
    { difficulty: 'easy', tags: ['integer type', 'jee main'], source: 'JEE Main 2022 (adapted)' },
    { kind: 'exact', value: 3 },
    { integerOnly: true },
    {
      stem: 'What is the pH of a $0.001\\,\\text{M}$ aqueous solution of $\\mathrm{HCl}$ at $25^\\circ\\text{C}$?',
      solution: '$[\\mathrm{H^+}] = 10^{-3}$, so $\\text{pH} = 3$.',
    },
    {
      stem: '$25^\\circ\\text{C}$ पर $\\mathrm{HCl}$ के $0.001\\,\\text{M}$ जलीय विलयन का pH क्या है?',
      solution: '$[\\mathrm{H^+}] = 10^{-3}$, अतः pH $= 3$।',
    },
  ),
  multi(
    at('Chemistry', 'Hydrocarbons', 'Alkenes and Alkynes'),
    { difficulty: 'hard', tags: ['isomerism', 'jee advanced'], source: 'JEE Advanced 2017 (adapted)' },
    ['a', 'd'],
    {
      stem: 'Which of the following compounds show geometrical (*cis–trans*) isomerism?',
      options: [
        'But-2-ene, $\\mathrm{CH_3CH{=}CHCH_3}$',
        'Propene, $\\mathrm{CH_3CH{=}CH_2}$',
        '2-Methylpropene',
        'Pent-2-ene',
      ],
      solution:
        'Each doubly bonded carbon must carry two different groups: true for but-2-ene and pent-2-ene only.',
    },
  ),
  assertionReason(
    at('Chemistry', 'Chemical Kinetics', 'Arrhenius Equation'),
    { difficulty: 'medium', tags: ['assertion reason'], source: 'NEET 2019 (adapted)' },
    'both_true_reason_explains',
    {
      assertion: 'The rate constant of a reaction increases with temperature.',
      reason:
        'By the Arrhenius equation $k = A e^{-E_a/RT}$, a larger fraction of molecules has energy $\\ge E_a$ at a higher temperature.',
    },
    {
      assertion: 'ताप बढ़ने पर अभिक्रिया का वेग स्थिरांक बढ़ता है।',
      reason: 'आरेनियस समीकरण $k = A e^{-E_a/RT}$ के अनुसार उच्च ताप पर $E_a$ से अधिक ऊर्जा वाले अणुओं का अंश बढ़ता है।',
    },
  ),
  matrix(
    at('Chemistry', 'Coordination Compounds', 'Crystal Field Theory'),
    { difficulty: 'hard', tags: ['matrix match'], source: 'JEE Advanced 2015 (adapted)' },
    { p: ['2'], q: ['1'], r: ['3'] },
    {
      stem: 'Match each complex (List I) with the hybridisation of its central metal ion (List II).',
      rows: ['$[\\mathrm{Ni(CO)_4}]$', '$[\\mathrm{Ni(CN)_4}]^{2-}$', '$[\\mathrm{Co(NH_3)_6}]^{3+}$'],
      columns: ['$dsp^2$', '$sp^3$', '$d^2sp^3$'],
    },
  ),
  numerical(
    at('Chemistry', 'Electrochemistry', 'Nernst Equation'),
    { difficulty: 'medium', tags: ['jee main'], source: 'JEE Main 2024 Shift 2 (adapted)' },
    { kind: 'tolerance', value: '1.10', tolerance: '0.01' },
    { decimals: 2 },
    {
      stem: 'For the Daniell cell $\\mathrm{Zn | Zn^{2+}(1\\,M) \\| Cu^{2+}(1\\,M) | Cu}$ with $E^\\circ_{\\mathrm{Cu^{2+}/Cu}} = 0.34\\,\\text{V}$ and $E^\\circ_{\\mathrm{Zn^{2+}/Zn}} = -0.76\\,\\text{V}$, find $E_{\\text{cell}}$ in volts.',
      solution:
        '$E^\\circ_{\\text{cell}} = 0.34 - (-0.76) = 1.10\\,\\text{V}$; with unit concentrations $E = E^\\circ$.',
    },
  ),
  numerical(
    at('Mathematics', 'Integral Calculus', 'Definite Integrals'),
    { difficulty: 'easy', tags: ['jee main', 'calculus'], source: 'NCERT Mathematics Class 12, Chapter 7' },
    { kind: 'exact', value: '0.33' },
    { decimals: 2, rounding: 'round' },
    {
      stem: 'Evaluate $\\displaystyle\\int_0^1 x^2\\,dx$, correct to two decimal places.',
      solution:
        '$\\displaystyle\\int_0^1 x^2\\,dx = \\left[\\frac{x^3}{3}\\right]_0^1 = \\frac{1}{3} \\approx 0.33$.',
    },
    {
      stem: '$\\displaystyle\\int_0^1 x^2\\,dx$ का मान दो दशमलव स्थानों तक ज्ञात कीजिए।',
      solution: '$\\left[\\frac{x^3}{3}\\right]_0^1 = \\frac{1}{3} \\approx 0.33$।',
    },
  ),
  single(
    at('Mathematics', 'Complex Numbers', 'Argand Plane and Polar Form'),
    { difficulty: 'easy', tags: ['ncert'], source: 'RD Sharma Class 11' },
    'b',
    {
      stem: 'The modulus of $z = 1 + i$ is',
      options: ['$1$', '$\\sqrt{2}$', '$2$', '$\\tfrac{1}{\\sqrt{2}}$'],
      solution: '$|z| = \\sqrt{1^2 + 1^2} = \\sqrt{2}$.',
    },
    { stem: '$z = 1 + i$ का मापांक है', options: ['$1$', '$\\sqrt{2}$', '$2$', '$\\tfrac{1}{\\sqrt{2}}$'] },
  ),
  multi(
    at('Mathematics', 'Sets, Relations and Functions', 'Types of Functions'),
    { difficulty: 'medium', tags: ['jee advanced', 'functions'], source: 'JEE Advanced 2018 (adapted)' },
    ['a', 'c'],
    {
      stem: 'Which of the following functions $f: \\mathbb{R} \\to \\mathbb{R}$ are one-one?',
      options: ['$f(x) = 2x + 3$', '$f(x) = x^2$', '$f(x) = x^3$', '$f(x) = |x|$'],
      solution: '$x^2$ and $|x|$ take the same value at $x$ and $-x$; the other two are strictly increasing.',
    },
    {
      stem: 'निम्नलिखित में से कौन-से फलन $f: \\mathbb{R} \\to \\mathbb{R}$ एकैकी हैं?',
      options: ['$f(x) = 2x + 3$', '$f(x) = x^2$', '$f(x) = x^3$', '$f(x) = |x|$'],
    },
  ),
  numerical(
    at('Mathematics', 'Probability', 'Classical Probability'),
    { difficulty: 'easy', tags: ['probability'], source: 'NCERT Mathematics Class 11, Chapter 16' },
    { kind: 'range', min: '0.16', max: '0.17' },
    {},
    {
      stem: 'Two fair dice are thrown. Find the probability that the sum of the numbers is $7$ (as a decimal).',
      solution: '$6$ favourable outcomes of $36$: $\\tfrac{1}{6} \\approx 0.167$.',
    },
    {
      stem: 'दो निष्पक्ष पासे फेंके जाते हैं। संख्याओं का योग $7$ होने की प्रायिकता (दशमलव में) ज्ञात कीजिए।',
      solution: '$36$ में से $6$ अनुकूल परिणाम: $\\tfrac{1}{6}$।',
    },
  ),
  matrix(
    at('Mathematics', 'Differential Calculus', 'Derivatives'),
    { difficulty: 'medium', tags: ['matrix match', 'calculus'] },
    { p: ['3'], q: ['1'], r: ['4'], s: ['2'] },
    {
      stem: 'Match each function in List I with its derivative in List II.',
      rows: ['$\\sin x$', '$e^{2x}$', '$\\ln x$', '$x^3$'],
      columns: ['$2e^{2x}$', '$3x^2$', '$\\cos x$', '$\\tfrac{1}{x}$'],
    },
    {
      stem: 'सूची I के प्रत्येक फलन का सूची II में उसके अवकलज से मिलान कीजिए।',
      rows: ['$\\sin x$', '$e^{2x}$', '$\\ln x$', '$x^3$'],
      columns: ['$2e^{2x}$', '$3x^2$', '$\\cos x$', '$\\tfrac{1}{x}$'],
    },
  ),
];
