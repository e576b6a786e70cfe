// The app's one Markdown + LaTeX renderer, for question text as a candidate will see it.
// Sanitising runs before KaTeX: user text is cleaned first, then KaTeX turns the surviving math
// elements into its own markup. Raw HTML in the text is never rendered (no rehype-raw).
import 'katex/dist/katex.min.css';
// Registers \ce and \pu (chemistry) on the one KaTeX that rehype-katex renders with.
import 'katex/contrib/mhchem';
import { Typography } from '@mantine/core';
import Markdown, { defaultUrlTransform, type Options, type UrlTransform } from 'react-markdown';
import rehypeKatex from 'rehype-katex';
import rehypeSanitize, { defaultSchema, type Options as SanitizeSchema } from 'rehype-sanitize';
import remarkMath from 'remark-math';
import classes from './MathMarkdown.module.css';

const imageScheme = 'image:';

/** remark-math marks math as `code.language-math.math-inline` / `.math-display`; keep those classes. */
const sanitizeSchema: SanitizeSchema = {
  ...defaultSchema,
  attributes: {
    ...defaultSchema.attributes,
    code: [['className', 'language-math', 'math-inline', 'math-display', /^language-./]],
  },
  protocols: {
    ...defaultSchema.protocols,
    src: [...(defaultSchema.protocols?.src ?? []), 'image'],
  },
};

/** `![alt](image:<id>)` points at an uploaded asset; everything else gets react-markdown's safe default. */
export const transformUrl: UrlTransform = (url, key) => {
  if (key === 'src' && url.startsWith(imageScheme)) {
    return `/api/assets/${encodeURIComponent(url.slice(imageScheme.length))}`;
  }
  return defaultUrlTransform(url);
};

const remarkPlugins: Options['remarkPlugins'] = [remarkMath];
// throwOnError off: a half-typed formula shows in red instead of breaking the preview.
const rehypePlugins: Options['rehypePlugins'] = [
  [rehypeSanitize, sanitizeSchema],
  [rehypeKatex, { throwOnError: false }],
];

const displayMath = /\$\$([^$]+?)\$\$/g;

/**
 * Teachers write `$$…$$` in the middle of a sentence and mean display math (as in LaTeX and
 * KaTeX's auto-render); remark-math would render it inline. Give each its own block.
 */
function separateDisplayMath(markdown: string): string {
  return markdown.replace(displayMath, (_match, formula: string) => `\n\n$$\n${formula.trim()}\n$$\n\n`);
}

export function MathMarkdown({ children, inline }: { children: string; inline?: boolean }) {
  return (
    <Typography className={inline ? classes.inline : classes.block}>
      <Markdown remarkPlugins={remarkPlugins} rehypePlugins={rehypePlugins} urlTransform={transformUrl}>
        {separateDisplayMath(children)}
      </Markdown>
    </Typography>
  );
}
