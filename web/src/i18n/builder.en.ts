// The exam builder's strings (auto-select, the bank panel, the checker banner, settings and
// publish), in English. Spread into `en` as `builder`; builder.hi.ts mirrors it.
export const builderEn = {
  types: {
    mcq_single: 'Single correct',
    mcq_multi: 'Multiple correct',
    numerical: 'Numerical',
    matrix_match: 'Matrix match',
    assertion_reason: 'Assertion–reason',
    tita: 'TITA',
  },
  autofill: {
    summary: '{{count}} to select · {{inPaper}} of {{total}} already in the paper',
    summaryReplace: '{{count}} to select · the {{inPaper}} in the paper will be replaced · {{total}} needed',
    willHold: 'With these rules the section will hold {{count}} of {{total}} questions.',
    replaceHint: 'Replacing empties these sections first; the rules start from their full question count.',
  },
  shortfall: {
    title: 'Not every section could be filled',
    intro: 'The questions that matched were added. What is still missing, and why:',
    bank: '{{scope}}: {{needed}} needed, {{available}} placed. The bank has only {{inBank}} matching questions.',
    autofill:
      '{{scope}}: {{needed}} needed, {{available}} placed. The bank has {{inBank}} matching, but this auto-select had already placed {{placedInSection}} of them in this section and {{placedInOtherSections}} in other sections.',
    paper:
      '{{scope}}: {{needed}} needed, {{available}} placed. The bank has {{inBank}} matching, but {{inPaper}} of them were already in the paper.',
    groups:
      '{{scope}}: {{needed}} needed, {{available}} placed. Passage groups are kept whole, and the remaining ones did not fit.',
    alsoPlaced:
      'Of those, this auto-select had already placed {{placedInSection}} in this section and {{placedInOtherSections}} in other sections.',
    alsoInPaper_one: 'Of those, {{count}} was already in the paper.',
    alsoInPaper_other: 'Of those, {{count}} were already in the paper.',
    short: 'The section holds {{available}} of {{needed}} questions: its rules fell short.',
    rules: 'The section holds {{available}} of {{needed}} questions: its rules asked for fewer.',
    adviceBank: 'Add questions to the bank, loosen a rule, or fill the gaps by hand from the bank panel.',
    adviceUsed:
      'Where questions were already used, split the rules so that they do not overlap (different chapters or difficulties), or widen them.',
  },
  bank: {
    types: 'Types',
    anyType: 'Any type',
    sectionFilter: 'Showing what {{section}} takes. Clear a filter to see more of the bank.',
    notAllowedTitle: 'Not added to {{section}}',
    notAllowed: '{{section}} does not take {{type}} questions. It takes: {{allowed}}.',
  },
  checker: {
    showAll: 'Show all {{count}}',
    showFewer: 'Show fewer',
  },
  settings: {
    warnDescription: '0: never warn',
    submitDescription: '0: never submit automatically',
    submitBelowWarn: 'At least as many as the warning, or 0 for never',
    unsaved: 'Changes not saved',
  },
  publish: {
    title: 'Publish this exam?',
    intro:
      'Publishing freezes the paper as it is now: question versions, answer keys, marking and settings. Later edits to the bank will not change it. You can unpublish until the first candidate starts.',
    confirm: 'Publish exam',
    refusedTitle: 'Save the settings first',
    unsaved:
      'The exam settings have changes that are not saved. Publishing now would freeze the settings saved before them. Save or discard the changes, then publish.',
    invalid:
      'The exam settings have changes that are not valid, so they are not saved. Fix them on the Settings tab, then publish.',
    goToSettings: 'Go to settings',
    discard: 'Discard the changes',
    frozenSettings: 'These settings are frozen with it:',
    languages: 'Languages',
    calculator: 'On-screen calculator',
    webcam: 'Webcam snapshots',
    everySeconds: 'every {{count}} s',
    screenRecording: 'Screen recording',
    tabSwitches: 'Detect tab switches',
    fullScreen: 'Full screen required',
    warnAfter: 'Warn after',
    submitAfter: 'Submit automatically after',
    violations: '{{count}} violations',
    never: 'Never',
    results: 'Results released',
    releaseInstant: 'When the exam closes',
    releaseScheduled: 'At {{at}}',
    releaseManual: 'When you release them',
    answerKey: 'Answer key and solutions after release',
    on: 'On',
    off: 'Off',
  },
};
