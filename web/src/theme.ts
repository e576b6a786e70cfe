import { createTheme } from '@mantine/core';

export const theme = createTheme({
  primaryColor: 'indigo',
  defaultRadius: 'md',
  fontFamily: 'Inter, system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", sans-serif',
  headings: { fontWeight: '700' },
  components: {
    Modal: { defaultProps: { radius: 'lg', padding: 'lg' } },
    Paper: { defaultProps: { radius: 'md' } },
  },
});
