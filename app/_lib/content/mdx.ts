// Compiles lesson MDX on the server: GitHub-flavoured markdown, and code highlighted
// by shiki through rehype-pretty-code (themes ship in the npm package: no network).
import { evaluate } from '@mdx-js/mdx';
import type { MDXModule } from 'mdx/types';
import * as runtime from 'react/jsx-runtime';
import rehypePrettyCode from 'rehype-pretty-code';
import remarkGfm from 'remark-gfm';
import { ContentError } from './types';

const prettyCodeOptions = {
  theme: { light: 'github-light', dark: 'github-dark' },
  keepBackground: true,
  defaultLang: { block: 'text' },
};

const compiled = new Map<string, Promise<MDXModule>>();

export function compileLessonMdx(source: string, filePath: string): Promise<MDXModule> {
  const key = `${filePath}\0${source}`;
  let result = compiled.get(key);
  if (!result) {
    result = evaluate(source, {
      ...runtime,
      remarkPlugins: [remarkGfm],
      rehypePlugins: [[rehypePrettyCode, prettyCodeOptions]],
    }).catch((error: unknown) => {
      compiled.delete(key);
      throw new ContentError(filePath, [`MDX does not compile: ${(error as Error).message}`]);
    });
    compiled.set(key, result);
  }
  return result;
}
