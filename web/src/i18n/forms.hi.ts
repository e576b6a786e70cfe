import type { Catalogue } from './en';
import type { formsErrorsEn } from './forms.en';

// कर्मचारियों के फ़ॉर्म (issue 15): संस्थान के समय क्षेत्र में दिनांक-समय, समय क्षेत्र की सेटिंग,
// पंजीकृत परीक्षार्थी, कर्मचारी के बैच, हिन्दी में।
export const formsHi: Catalogue['forms'] = {
  dateTime: {
    hint: '{{example}} की तरह लिखें (24 घंटे), या कैलेंडर से चुनें · {{zone}}',
    invalid: 'दिनांक और समय {{example}} की तरह लिखें (24 घंटे की घड़ी), या कैलेंडर से चुनें।',
    openPicker: 'दिनांक और समय चुनें',
    time: 'समय',
    done: 'हो गया',
  },
  timeZone: {
    title: 'समय क्षेत्र',
    text: 'कर्मचारियों की हर स्क्रीन पर परीक्षा के समय इसी क्षेत्र में लिखे और दिखाए जाते हैं, कंप्यूटर का क्षेत्र कोई भी हो।',
    label: 'संस्थान का समय क्षेत्र',
    placeholder: 'खोजें, जैसे Kolkata',
    save: 'समय क्षेत्र सहेजें',
    saved: 'समय क्षेत्र सहेजा गया',
  },
  registered: {
    title: 'पंजीकृत परीक्षार्थी',
    seats: '{{capacity}} में से {{count}} सीटें भरीं',
    count_one: '{{count}} परीक्षार्थी पंजीकृत (सीटों की कोई सीमा नहीं)',
    count_other: '{{count}} परीक्षार्थी पंजीकृत (सीटों की कोई सीमा नहीं)',
    empty: 'अभी किसी ने पंजीकरण नहीं किया है।',
    candidate: 'परीक्षार्थी',
    at: 'पंजीकरण का समय',
    list: 'पंजीकृत परीक्षार्थी',
  },
  staffBatches: {
    description: 'वे बैच जिनके साथ यह शिक्षक या निरीक्षक काम करते हैं: वे इन बैचों के विद्यार्थी और परीक्षाएँ देखते हैं।',
  },
  institute: { nameExample: 'उदाहरण: शर्मा क्लासेज़, कोटा' },
};

export const formsErrorsHi: typeof formsErrorsEn = {
  INSTITUTE_TIME_ZONE_INVALID: 'यह Asia/Kolkata जैसा समय क्षेत्र का नाम नहीं है।',
};
