/**
 * Images inside cell Markdown. `![fig](diagram1.png)` names a file in the accompanying zip and is
 * rewritten to `![fig](image:<assetId>)` once stored; `image:<id>` (from an export) and https URLs
 * are kept as they are.
 */

const IMAGE_PATTERN = /!\[([^\]]*)\]\(\s*([^)\s]+)(\s+"[^"]*")?\s*\)/g;

/** `image:<id>` / https target to keep, or a problem to report. */
export type ImageResolver = (fileName: string) => { target: string } | { error: string };

export type ImageTarget =
  { kind: 'asset' | 'url' | 'file'; value: string } | { kind: 'invalid'; value: string; message: string };

export function classifyImageTarget(target: string): ImageTarget {
  if (target.startsWith('image:')) return { kind: 'asset', value: target };
  if (/^https:\/\//i.test(target)) return { kind: 'url', value: target };
  if (/^http:\/\//i.test(target))
    return { kind: 'invalid', value: target, message: `Image "${target}" must use https://, not http://.` };
  if (/^[a-z][a-z0-9+.-]*:/i.test(target)) {
    return {
      kind: 'invalid',
      value: target,
      message: `Image "${target.slice(0, 40)}" is not supported: use an https:// URL or a file name from the images zip.`,
    };
  }
  return { kind: 'file', value: target };
}

/** File names (as written) referenced by Markdown images in `text`. */
export function listImageFileNames(text: string): string[] {
  return [...text.matchAll(IMAGE_PATTERN)].flatMap((match) => {
    const target = classifyImageTarget(match[2] ?? '');
    return target.kind === 'file' ? [target.value] : [];
  });
}

export function rewriteImageTargets(
  text: string,
  resolve: ImageResolver,
  report: (message: string) => void,
): string {
  if (!text.includes('![')) return text;
  return text.replace(IMAGE_PATTERN, (whole, alt: string, rawTarget: string, title: string | undefined) => {
    const target = classifyImageTarget(rawTarget);
    switch (target.kind) {
      case 'asset':
      case 'url':
        return whole;
      case 'invalid':
        report(target.message);
        return whole;
      case 'file': {
        const resolved = resolve(target.value);
        if ('error' in resolved) {
          report(resolved.error);
          return whole;
        }
        return `![${alt}](${resolved.target}${title ?? ''})`;
      }
    }
  });
}

/** Zip entries are matched by base name, ignoring case and folders (`figs/A.PNG` = `a.png`). */
export function imageLookupKey(fileName: string): string {
  const base = fileName.replace(/\\/g, '/').split('/').pop() ?? fileName;
  let decoded = base;
  try {
    decoded = decodeURIComponent(base);
  } catch {
    // A lone "%" is a literal character in a file name.
  }
  return decoded.normalize('NFC').toLowerCase();
}
