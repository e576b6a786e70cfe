import { LANGUAGES } from '@examtech/core';
import type { ExamSettings } from './exam-draft.js';

/**
 * The NTA-style general instructions every candidate of these exams knows, in English and Hindi.
 * No heading of their own: the pre-exam screen titles them "General instructions".
 */
export function defaultInstructions(durationMinutes: number): { en: string; hi: string } {
  return {
    en: [
      `1. The total duration of the examination is ${durationMinutes} minutes. The clock is set on the server; the countdown timer at the top right of the screen shows the time remaining. When it reaches zero, the examination ends by itself: you do not need to submit.`,
      '2. The question palette on the right shows the status of each question:',
      '   - **Not Visited**: you have not opened the question yet.',
      '   - **Not Answered**: you have opened the question but not answered it.',
      '   - **Answered**: you have answered the question.',
      '   - **Marked for Review**: you have not answered but marked the question for review.',
      '   - **Answered and Marked for Review**: you have answered and marked the question for review. This answer **will be evaluated**.',
      '3. Click a question number in the palette to go to that question directly.',
      '4. **Save & Next** saves your answer and moves to the next question. **Save & Mark for Review** saves it and marks it for review. **Clear Response** removes your answer. **Mark for Review & Next** marks the question and moves on.',
      '5. Your answers are saved automatically as you go. If your connection drops, keep answering: your answers are kept on this device and sent when the connection returns.',
      '6. Sections are shown as tabs at the top. Where sections are timed separately, you cannot return to a section once its time is over.',
      '7. You may change the language of the questions at any time from the language selector.',
    ].join('\n'),
    hi: [
      `1. परीक्षा की कुल अवधि ${durationMinutes} मिनट है। घड़ी सर्वर पर सेट है; स्क्रीन के ऊपर दाईं ओर उलटी गिनती वाला टाइमर शेष समय दिखाता है। टाइमर शून्य होने पर परीक्षा अपने आप समाप्त हो जाएगी: आपको जमा करने की आवश्यकता नहीं है।`,
      '2. दाईं ओर का प्रश्न पैलेट प्रत्येक प्रश्न की स्थिति दिखाता है:',
      '   - **नहीं देखा गया**: आपने अभी तक प्रश्न नहीं खोला है।',
      '   - **उत्तर नहीं दिया गया**: आपने प्रश्न खोला है पर उत्तर नहीं दिया है।',
      '   - **उत्तर दिया गया**: आपने प्रश्न का उत्तर दे दिया है।',
      '   - **पुनर्विचार के लिए चिह्नित**: आपने उत्तर नहीं दिया है पर प्रश्न को पुनर्विचार के लिए चिह्नित किया है।',
      '   - **उत्तर दिया गया और पुनर्विचार के लिए चिह्नित**: इस उत्तर का **मूल्यांकन किया जाएगा**।',
      '3. किसी प्रश्न पर सीधे जाने के लिए पैलेट में उसकी संख्या पर क्लिक करें।',
      '4. **सेव एंड नेक्स्ट** उत्तर सहेजकर अगले प्रश्न पर ले जाता है। **सेव एंड मार्क फॉर रिव्यू** उत्तर सहेजकर उसे चिह्नित करता है। **क्लियर रिस्पॉन्स** उत्तर हटाता है। **मार्क फॉर रिव्यू एंड नेक्स्ट** प्रश्न को चिह्नित करके आगे बढ़ता है।',
      '5. आपके उत्तर अपने आप सहेजे जाते हैं। यदि कनेक्शन टूट जाए तो उत्तर देते रहें: आपके उत्तर इसी उपकरण पर सुरक्षित रहते हैं और कनेक्शन लौटने पर भेज दिए जाते हैं।',
      '6. खंड ऊपर टैब के रूप में दिखाए गए हैं। जहाँ खंडों का समय अलग है, वहाँ समय समाप्त होने के बाद आप उस खंड में वापस नहीं जा सकते।',
      '7. आप किसी भी समय भाषा चयनकर्ता से प्रश्नों की भाषा बदल सकते हैं।',
    ].join('\n'),
  };
}

export function createDefaultSettings(kind: 'scheduled' | 'practice'): ExamSettings {
  return {
    languages: [...LANGUAGES],
    calculator: false,
    proctoring: {
      webcamSnapshots: false,
      snapshotIntervalSeconds: 60,
      screenRecording: false,
      tabSwitchDetection: kind === 'scheduled',
      fullScreenRequired: false,
      warnAfterViolations: 3,
      submitAfterViolations: 0,
    },
    // Practice results are for learning: at once. Mocks are released when the teacher says.
    resultRelease: { mode: kind === 'practice' ? 'instant' : 'manual' },
    showAnswerKeyAfterRelease: true,
  };
}
