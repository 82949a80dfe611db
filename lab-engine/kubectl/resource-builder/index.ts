/**
 * Resolving what a verb acts on, like cli-runtime's resource.Builder:
 * `-f file|dir|-` (readSources, decodeObjects, infosFromFiles), `TYPE NAME`
 * and `TYPE/NAME` arguments (parseResourceArgs), with kubectl's messages.
 */
export { readSources, type SourceFile } from './files';
export { decodeObjects } from './decode';
export { infosFromFiles, hasFilenames, type Info } from './infos';
export { parseResourceArgs, resolveType, namespaceFor, type ResourceTarget } from './resource-args';
export { selectObjects, selectionFlags, NO_RESOURCES_MESSAGE, type SelectOptions, type Selected } from './select';
