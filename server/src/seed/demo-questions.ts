import { assertionReason, at, multi, single, tita, type DemoQuestion } from './demo-question-builders.js';
import { jeeDemoQuestions } from './demo-questions-jee.js';

/** NEET Biology, CAT and UPSC demo questions. */
const otherDemoQuestions: DemoQuestion[] = [
  single(
    at('Biology', 'Cell: Structure and Function', 'Cell Organelles'),
    { difficulty: 'easy', tags: ['ncert', 'neet'], source: 'NCERT Biology Class 11, Chapter 8' },
    'c',
    {
      stem: 'Which cell organelle is known as the "powerhouse of the cell" because it makes most of the cell\'s ATP?',
      options: ['Golgi apparatus', 'Ribosome', 'Mitochondrion', 'Lysosome'],
      solution:
        'Aerobic respiration (Krebs cycle and oxidative phosphorylation) takes place in mitochondria.',
    },
    {
      stem: 'कौन-सा कोशिकांग "कोशिका का ऊर्जा गृह" कहलाता है क्योंकि यह कोशिका का अधिकांश ATP बनाता है?',
      options: ['गॉल्जी उपकरण', 'राइबोसोम', 'माइटोकॉन्ड्रिया', 'लाइसोसोम'],
      solution: 'वायवीय श्वसन (क्रेब्स चक्र और ऑक्सीकारी फॉस्फोरिलीकरण) माइटोकॉन्ड्रिया में होता है।',
    },
  ),
  single(
    at('Biology', 'Genetics and Evolution', 'Principles of Inheritance'),
    { difficulty: 'easy', tags: ['pyq', 'neet', 'mendel'], source: 'NEET 2021' },
    'a',
    {
      stem: 'In a dihybrid cross between pure-breeding round yellow and wrinkled green pea plants, the phenotypic ratio in the $F_2$ generation is',
      options: ['$9:3:3:1$', '$3:1$', '$1:2:1$', '$1:1:1:1$'],
      solution: 'Independent assortment of two genes gives $(3:1)^2 = 9:3:3:1$.',
    },
    {
      stem: 'शुद्ध गोल पीले और झुर्रीदार हरे मटर के पौधों के द्विसंकर संकरण में $F_2$ पीढ़ी का लक्षणप्ररूपी अनुपात है',
      options: ['$9:3:3:1$', '$3:1$', '$1:2:1$', '$1:1:1:1$'],
      solution: 'दो जीनों के स्वतंत्र अपव्यूहन से $(3:1)^2 = 9:3:3:1$।',
    },
  ),
  assertionReason(
    at('Biology', 'Human Physiology', 'Body Fluids and Circulation'),
    { difficulty: 'medium', tags: ['assertion reason', 'neet'], source: 'NEET 2022 (adapted)' },
    'both_true_reason_not_explains',
    {
      assertion: 'Mature mammalian red blood cells lack a nucleus.',
      reason: 'Red blood cells contain haemoglobin, which carries oxygen.',
      solution:
        'Both are true, but losing the nucleus (more room for haemoglobin, biconcave shape) is not explained by haemoglobin carrying oxygen.',
    },
    {
      assertion: 'परिपक्व स्तनधारी लाल रुधिर कणिकाओं में केंद्रक नहीं होता।',
      reason: 'लाल रुधिर कणिकाओं में हीमोग्लोबिन होता है, जो ऑक्सीजन का वहन करता है।',
    },
  ),
  multi(
    at('Biology', 'Ecology', 'Biodiversity and Conservation'),
    { difficulty: 'medium', tags: ['neet', 'conservation'], source: 'NCERT Biology Class 12, Chapter 15' },
    ['a', 'b'],
    {
      stem: 'Which of the following are *in-situ* methods of conserving biodiversity?',
      options: ['National parks', 'Biosphere reserves', 'Seed banks', 'Botanical gardens'],
      solution:
        'In-situ conservation protects species in their natural habitat; seed banks and botanical gardens are ex-situ.',
    },
    {
      stem: 'निम्नलिखित में से कौन-सी जैव विविधता संरक्षण की स्वस्थाने (*in-situ*) विधियाँ हैं?',
      options: ['राष्ट्रीय उद्यान', 'जैवमंडल आरक्षित क्षेत्र', 'बीज बैंक', 'वनस्पति उद्यान'],
    },
  ),
  single(
    at('Biology', 'Plant Physiology', 'Photosynthesis'),
    { difficulty: 'medium', tags: ['neet'], source: 'NEET 2023' },
    'b',
    {
      stem: 'The first stable product of $\\mathrm{CO_2}$ fixation in $C_4$ plants is',
      options: ['3-Phosphoglyceric acid', 'Oxaloacetic acid', 'Ribulose bisphosphate', 'Malic acid'],
      solution:
        'PEP carboxylase fixes $\\mathrm{CO_2}$ into the 4-carbon oxaloacetic acid (OAA) in mesophyll cells.',
    },
    {
      stem: '$C_4$ पौधों में $\\mathrm{CO_2}$ स्थिरीकरण का पहला स्थायी उत्पाद है',
      options: ['3-फॉस्फोग्लिसरिक अम्ल', 'ऑक्सैलोएसिटिक अम्ल', 'रिबुलोज बिसफॉस्फेट', 'मैलिक अम्ल'],
    },
  ),
  tita(
    at('CAT', 'QA', 'Arithmetic'),
    { difficulty: 'medium', tags: ['cat', 'profit and loss'], source: 'CAT 2022 Slot 1 (adapted)' },
    { accepted: ['26'], compare: 'number' },
    {
      stem: 'A shopkeeper marks an article $40\\%$ above its cost price and then allows a discount of $10\\%$ on the marked price. What is his profit percentage?',
      solution: 'Selling price $= 1.4 \\times 0.9 = 1.26$ times the cost, a profit of $26\\%$.',
    },
  ),
  tita(
    at('CAT', 'VARC', 'Para Jumbles'),
    { difficulty: 'hard', tags: ['cat', 'para jumbles'], source: 'CAT 2021 Slot 2 (adapted)' },
    { accepted: ['2413'], compare: 'text' },
    {
      stem: [
        'The four sentences below, labelled 1, 2, 3 and 4, form a paragraph when properly sequenced. Enter the sequence of the four numbers.',
        '',
        '1. It was this surplus that allowed some people to become potters, priests and traders.',
        '2. Farming began independently in several parts of the world about ten thousand years ago.',
        '3. With traders came writing, first used to keep accounts.',
        '4. For the first time, people could grow more food than they needed.',
      ].join('\n'),
      solution:
        '2 introduces farming, 4 its consequence (surplus), 1 what the surplus allowed, 3 follows "traders": **2413**.',
    },
  ),
  tita(
    at('CAT', 'DILR', 'Arrangements'),
    { difficulty: 'medium', tags: ['cat', 'seating arrangement'] },
    { accepted: ['Chitra'], compare: 'text' },
    {
      stem: 'Five friends—Arjun, Bela, Chitra, Dev and Esha—sit in a row facing north. Bela sits at the left end. Chitra sits exactly in the middle. Dev sits immediately right of Bela, and Esha is not at the right end. Who sits to the immediate left of Esha?',
      solution: 'Order from the left: Bela, Dev, Chitra, Esha, Arjun. Chitra is immediately left of Esha.',
    },
  ),
  single(
    at('UPSC', 'GS Paper I: Polity', 'Constitution and Fundamental Rights'),
    { difficulty: 'easy', tags: ['upsc prelims', 'pyq'], source: 'UPSC CSE Prelims 2019 (adapted)' },
    'c',
    {
      stem: 'Which Article of the Constitution of India, described by Dr B. R. Ambedkar as "the heart and soul of the Constitution", guarantees the right to constitutional remedies?',
      options: ['Article 14', 'Article 21', 'Article 32', 'Article 226'],
      solution: 'Article 32 lets a person move the Supreme Court directly to enforce Fundamental Rights.',
    },
    {
      stem: 'भारतीय संविधान का कौन-सा अनुच्छेद, जिसे डॉ. बी. आर. आंबेडकर ने "संविधान का हृदय और आत्मा" कहा, संवैधानिक उपचारों का अधिकार देता है?',
      options: ['अनुच्छेद 14', 'अनुच्छेद 21', 'अनुच्छेद 32', 'अनुच्छेद 226'],
      solution: 'अनुच्छेद 32 मौलिक अधिकारों को लागू कराने के लिए सीधे सर्वोच्च न्यायालय जाने का अधिकार देता है।',
    },
  ),
  single(
    at('UPSC', 'GS Paper I: Economy', 'Money and Banking'),
    { difficulty: 'medium', tags: ['upsc prelims', 'rbi'], source: 'UPSC CSE Prelims 2021 (adapted)' },
    'b',
    {
      stem: 'In India, the policy repo rate is decided by',
      options: [
        'The Union Ministry of Finance',
        'The Monetary Policy Committee of the RBI',
        'The Board of Directors of SEBI',
        'NITI Aayog',
      ],
      solution:
        'Since 2016 the six-member Monetary Policy Committee (RBI Act, Section 45ZB) fixes the repo rate.',
    },
    {
      stem: 'भारत में नीतिगत रेपो दर का निर्धारण कौन करता है?',
      options: ['केंद्रीय वित्त मंत्रालय', 'भारतीय रिज़र्व बैंक की मौद्रिक नीति समिति', 'सेबी का निदेशक मंडल', 'नीति आयोग'],
      solution: '2016 से छह सदस्यीय मौद्रिक नीति समिति रेपो दर तय करती है।',
    },
  ),
  single(
    at('UPSC', 'GS Paper I: Environment', 'Environmental Conventions'),
    {
      difficulty: 'medium',
      tags: ['upsc prelims', 'conventions'],
      source: 'UPSC CSE Prelims 2018 (adapted)',
    },
    'a',
    {
      stem: 'The Montreal Protocol is an international agreement to',
      options: [
        'Phase out substances that deplete the ozone layer',
        'Protect wetlands of international importance',
        'Regulate trade in endangered species',
        'Limit transboundary movement of hazardous wastes',
      ],
    },
    {
      stem: 'मॉन्ट्रियल प्रोटोकॉल एक अंतरराष्ट्रीय समझौता है, जिसका उद्देश्य है',
      options: [
        'ओज़ोन परत को क्षीण करने वाले पदार्थों को चरणबद्ध रूप से समाप्त करना',
        'अंतरराष्ट्रीय महत्व की आर्द्रभूमियों की रक्षा करना',
        'संकटग्रस्त प्रजातियों के व्यापार का नियमन करना',
        'खतरनाक अपशिष्टों की सीमा-पार आवाजाही सीमित करना',
      ],
    },
  ),
  single(
    at('UPSC', 'CSAT: Quantitative Aptitude', 'Basic Numeracy'),
    { difficulty: 'easy', tags: ['csat'], source: 'UPSC CSAT 2020 (adapted)' },
    'd',
    {
      stem: 'A train $240\\,\\text{m}$ long passes a pole in $12$ seconds. How long will it take to cross a platform $360\\,\\text{m}$ long?',
      options: ['$18\\,\\text{s}$', '$24\\,\\text{s}$', '$27\\,\\text{s}$', '$30\\,\\text{s}$'],
      solution:
        'Speed $= 240/12 = 20\\,\\text{m/s}$; distance $= 240 + 360 = 600\\,\\text{m}$; time $= 30\\,\\text{s}$.',
    },
    {
      stem: '$240\\,\\text{m}$ लंबी एक रेलगाड़ी एक खंभे को $12$ सेकंड में पार करती है। $360\\,\\text{m}$ लंबे प्लेटफॉर्म को पार करने में उसे कितना समय लगेगा?',
      options: ['$18\\,\\text{s}$', '$24\\,\\text{s}$', '$27\\,\\text{s}$', '$30\\,\\text{s}$'],
      solution: 'चाल $= 20\\,\\text{m/s}$, दूरी $= 600\\,\\text{m}$, समय $= 30\\,\\text{s}$।',
    },
  ),
];

/** About thirty questions across every type, so a new user opens a living bank. */
export const demoQuestions: DemoQuestion[] = [...jeeDemoQuestions, ...otherDemoQuestions];
