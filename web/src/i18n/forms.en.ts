// Staff forms (issue 15): the date-time field in the institute's time zone, the institute's time-zone
// setting, a schedule's registered candidates, a staff member's batches, in English.
export const formsEn = {
  dateTime: {
    hint: 'Type like {{example}} (24-hour), or pick from the calendar · {{zone}}',
    invalid: 'Type the date and time as {{example}} (24-hour clock), or pick them from the calendar.',
    openPicker: 'Pick the date and time',
    time: 'Time',
    done: 'Done',
  },
  timeZone: {
    title: 'Time zone',
    text: 'Exam times are typed and shown in this zone on every staff screen, whatever the zone of the computer.',
    label: 'Institute time zone',
    placeholder: 'Search, e.g. Kolkata',
    save: 'Save time zone',
    saved: 'Time zone saved',
  },
  registered: {
    title: 'Registered candidates',
    seats: '{{count}} of {{capacity}} seats taken',
    count_one: '{{count}} candidate registered (no seat limit)',
    count_other: '{{count}} candidates registered (no seat limit)',
    empty: 'No one has registered yet.',
    candidate: 'Candidate',
    at: 'Registered at',
    list: 'Registered candidates',
  },
  staffBatches: {
    description:
      'The batches this teacher or proctor works with: they see these batches’ students and exams.',
  },
  institute: { nameExample: 'For example: Sharma Classes, Kota' },
};

export const formsErrorsEn = {
  INSTITUTE_TIME_ZONE_INVALID: 'This is not a time zone name such as Asia/Kolkata.',
};
