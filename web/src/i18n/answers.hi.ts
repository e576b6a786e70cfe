import type { Catalogue } from './en';

// परिणाम पृष्ठों पर उत्तर और उत्तर-कुंजी कैसे पढ़ी जाती है, हिन्दी में।
export const answersHi: Catalogue['answers'] = {
  notAnswered: 'उत्तर नहीं दिया',
  noMatch: 'कोई नहीं',
};
