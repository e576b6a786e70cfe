// The app's one renderer, rendered as React renders it: chemistry notation (mhchem) typesets
// instead of showing KaTeX's red error, and a formula that cannot be read still shows as an error.
import { MantineProvider } from '@mantine/core';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { MathMarkdown } from '../src/components/MathMarkdown';

const render = (text: string, inline = false) =>
  renderToStaticMarkup(
    createElement(MantineProvider, null, createElement(MathMarkdown, { inline, children: text })),
  );

describe('MathMarkdown', () => {
  it('typesets \\ce and \\pu (KaTeX mhchem) in text and display math', () => {
    const html = render('Water is $\\ce{H2O}$; $g = \\pu{9.8 m/s^2}$.\n\n$$\\ce{2H2 + O2 -> 2H2O}$$');
    expect(html).not.toContain('katex-error');
    expect(html).toContain('class="katex-display"');
    // MathML carries the formula's meaning: H, subscript 2, O; the unit's m and s².
    expect(html).toMatch(/>H<\/mi><msub>.*?<mn>2<\/mn><\/mpadded><\/msub><mi mathvariant="normal">O</u);
    expect(html).toContain('<mi mathvariant="normal">m</mi><mi mathvariant="normal">/</mi><msup>');
    // The source stays only in the annotation, never as visible text.
    const shown = html.replace(/<annotation[^>]*>.*?<\/annotation>/gsu, '');
    expect(shown).not.toMatch(/\\(ce|pu)\b/u);
  });

  it('typesets chemistry in inline (option) text too', () => {
    const html = render('$\\ce{CO2}$ and $\\pu{1.2e3 kJ mol^-1}$', true);
    expect(html).not.toContain('katex-error');
    expect(html.match(/class="katex"/gu)).toHaveLength(2);
  });

  it('still marks a formula it cannot read, so a half-typed one is visible in a preview', () => {
    expect(render('Broken $\\frac{1}{$ here')).toContain('katex-error');
  });
});
