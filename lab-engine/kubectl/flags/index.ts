/** Flag sets shared by many verbs (cmdutil / genericclioptions in kubectl). */
export { dryRunStrategy, dryRunSuffix, type DryRunStrategy } from './dry-run';
export { fieldValidation } from './validate';
export { checkOutputFormat, printResult, outputFormat, type PrintResultOptions } from './print';
export { recordChangeCause, CHANGE_CAUSE_ANNOTATION } from './record';
