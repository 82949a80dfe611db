import type { MDXComponents } from 'mdx/types';
import { Callout } from './callout';
import { CodeBlock } from './code-block';
import { Tab, Tabs } from './tabs';

export const lessonComponents: MDXComponents = {
  Callout,
  Tabs,
  Tab,
  pre: CodeBlock,
};
