// The exam room's phone layout (issue 15), in English: the header's menu, the palette's drawer and the
// section strip. The buttons themselves keep the room's own labels (examRoom.actions).
export const examRoomPhoneEn = {
  openPalette: 'Questions',
  paletteTitle: 'Question palette',
  closePalette: 'Close the question palette',
  details: 'Exam details and language',
  sections: 'Sections',
};
