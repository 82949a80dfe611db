import type { CommandSpec } from '../types';
import { execCommand } from './exec';
import { attachCommand } from './attach';
import { portForwardCommand } from './port-forward';
import { cpCommand } from './cp';

/** The verbs that need the terminal (kubectl's "Troubleshooting" group), in kubectl's help order. */
export const SHELL_VERBS: CommandSpec[] = [attachCommand, execCommand, portForwardCommand, cpCommand];
