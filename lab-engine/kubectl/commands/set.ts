import type { CommandSpec } from '../types';
import { setEnv } from './set/env';
import { setImage } from './set/image';
import { setResources } from './set/resources';
import { setSelector } from './set/selector';
import { setServiceAccount } from './set/serviceaccount';

/** `kubectl set` (kubectl/pkg/cmd/set): a command group. */
export const set: CommandSpec = {
  use: 'set SUBCOMMAND',
  short: 'Set specific features on objects',
  flags: [],
  subcommands: [setEnv, setImage, setResources, setSelector, setServiceAccount],
};
