// How a response or a key reads on the result pages (web/src/features/exam-room/answer-format.ts).
export const answersEn = {
  notAnswered: 'Not answered',
  noMatch: 'none',
};
