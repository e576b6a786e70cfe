import type { examRoomPhoneEn } from './exam-room-phone.en';

// फ़ोन पर परीक्षा कक्ष (issue 15), हिन्दी में।
export const examRoomPhoneHi: typeof examRoomPhoneEn = {
  openPalette: 'प्रश्न',
  paletteTitle: 'प्रश्न पैलेट',
  closePalette: 'प्रश्न पैलेट बंद करें',
  details: 'परीक्षा का विवरण और भाषा',
  sections: 'खंड',
};
