import { createTheme } from '@mantine/core';
import { DEVANAGARI_FONT_FAMILY } from './i18n/devanagari-font';

// Devanagari first: the shipped face covers only Devanagari code points, so Latin text still uses
// Inter or the system font, and Hindi never falls to a system font that may not exist.
const fontStack = `${DEVANAGARI_FONT_FAMILY}, Inter, system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", sans-serif`;

export const theme = createTheme({
  primaryColor: 'indigo',
  defaultRadius: 'md',
  fontFamily: fontStack,
  headings: { fontWeight: '700', fontFamily: fontStack },
  components: {
    Modal: { defaultProps: { radius: 'lg', padding: 'lg' } },
    Paper: { defaultProps: { radius: 'md' } },
  },
});
