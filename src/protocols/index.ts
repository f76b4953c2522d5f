// Protocol files on disk: load one (by id or path, at a version) or list them all.
export { type LoadOptions, listProtocols, loadProtocol, loadProtocolFile, type ProtocolEntry, protocolsDir } from './load.ts';
