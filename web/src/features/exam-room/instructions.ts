import type { Language } from './types';

/** NTA's general instructions, in both languages: shown when an exam's own instructions are empty. */
export const generalInstructions: Record<Language, string> = {
  en: `1. The clock is set at the server. The countdown timer at the top right shows the time left; when it reaches zero the exam ends and is submitted on its own.
2. The question palette on the right shows the status of each question:
   - **Not Visited** (grey): you have not opened the question yet.
   - **Not Answered** (red): you opened it but did not answer.
   - **Answered** (green): your answer is saved.
   - **Marked for Review** (purple): you want to look at it again; it is not evaluated.
   - **Answered & Marked for Review** (purple with a green tick): your answer **will be evaluated**.
3. Click **Save & Next** to save your answer and go on. An option chosen without saving is not evaluated.
4. Use **Clear Response** to remove your answer, and **Mark for Review & Next** to come back to a question later.
5. For numerical answers use the on-screen keypad.
6. If the connection drops, keep answering: your answers are kept on this device and sent when it returns.`,
  hi: `1. घड़ी सर्वर पर सेट है। ऊपर दाईं ओर का टाइमर शेष समय दिखाता है; शून्य होने पर परीक्षा अपने-आप जमा हो जाएगी।
2. दाईं ओर का प्रश्न पैलेट हर प्रश्न की स्थिति दिखाता है:
   - **नहीं देखा गया** (धूसर): आपने प्रश्न अभी नहीं खोला है।
   - **उत्तर नहीं दिया** (लाल): प्रश्न खोला पर उत्तर नहीं दिया।
   - **उत्तर दिया** (हरा): आपका उत्तर सहेजा गया है।
   - **समीक्षा के लिए चिह्नित** (बैंगनी): इसका मूल्यांकन नहीं होगा।
   - **उत्तर दिया और समीक्षा के लिए चिह्नित** (हरे निशान के साथ बैंगनी): इस उत्तर का **मूल्यांकन होगा**।
3. उत्तर सहेजकर आगे बढ़ने के लिए **सहेजें और आगे बढ़ें** दबाएँ। बिना सहेजे चुना गया विकल्प मूल्यांकित नहीं होगा।
4. उत्तर हटाने के लिए **उत्तर मिटाएँ**, और बाद में देखने के लिए **समीक्षा के लिए चिह्नित करें और आगे बढ़ें** का प्रयोग करें।
5. संख्यात्मक उत्तरों के लिए स्क्रीन के कीपैड का प्रयोग करें।
6. कनेक्शन टूटने पर भी उत्तर देते रहें: उत्तर इसी डिवाइस पर सुरक्षित रहते हैं और कनेक्शन लौटने पर भेज दिए जाते हैं।`,
};
