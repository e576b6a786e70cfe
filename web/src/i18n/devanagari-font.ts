// Side effect: registers the shipped Devanagari web font (see devanagari-font.css).
import './devanagari-font.css';

/** First in every font stack: its unicode-range limits it to Devanagari, so Latin falls through. */
export const DEVANAGARI_FONT_FAMILY = '"Noto Sans Devanagari"';
