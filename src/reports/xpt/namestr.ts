// The NAMESTR record that describes one variable (SAS TS-140), big-endian:
//   0 ntype (1 numeric, 2 character)   2 nhfun (0)   4 nlng (length)   6 nvar0 (number, from 1)
//   8 nname[8]   16 nlabel[40]   56 nform[8]   64 nfl   66 nfd   68 nfj   70 nfill[2]
//  72 niform[8]   80 nifl   82 nifd   84 npos (int32, offset in the observation)   88 rest[52]
import type { XptFormat, XptVariable } from './model.ts';
import { type Encoding, decodeText, encodeText, writeAscii } from './text-codec.ts';

export interface RawNamestr {
  readonly ntype: number;
  readonly length: number;
  readonly name: string;
  readonly label: string;
  readonly format: XptFormat | undefined;
  readonly informat: XptFormat | undefined;
  readonly position: number;
}

const hasFormat = (f: XptFormat) => f.name !== '' || f.width !== 0 || f.decimals !== 0 || f.justify !== 0;

/** Reads the fields of a NAMESTR at `offset`; checking them is the reader's job. */
export function readNamestr(bytes: Uint8Array, offset: number, encoding: Encoding): RawNamestr {
  const view = new DataView(bytes.buffer, bytes.byteOffset + offset, 88);
  const format = { name: decodeText(bytes, offset + 56, offset + 64, encoding), width: view.getInt16(64), decimals: view.getInt16(66), justify: view.getInt16(68) };
  const informat = { name: decodeText(bytes, offset + 72, offset + 80, encoding), width: view.getInt16(80), decimals: view.getInt16(82), justify: 0 };
  return {
    ntype: view.getInt16(0),
    length: view.getInt16(4),
    name: decodeText(bytes, offset + 8, offset + 16, encoding),
    label: decodeText(bytes, offset + 16, offset + 56, encoding),
    format: hasFormat(format) ? format : undefined,
    informat: hasFormat(informat) ? informat : undefined,
    position: view.getInt32(84),
  };
}

/** Writes the NAMESTR of a variable already checked (name ASCII, label fits in 40 bytes). */
export function writeNamestr(out: Uint8Array, offset: number, variable: XptVariable, number: number, position: number, encoding: Encoding): void {
  const view = new DataView(out.buffer, out.byteOffset + offset, 140);
  out.fill(0, offset, offset + 140);
  view.setInt16(0, variable.type === 'num' ? 1 : 2);
  view.setInt16(4, variable.length);
  view.setInt16(6, number);
  writeAscii(out, offset + 8, 8, variable.name);
  const label = encodeText(variable.label, encoding) ?? new Uint8Array();
  out.fill(0x20, offset + 16, offset + 56);
  out.set(label.subarray(0, 40), offset + 16);
  const format = variable.format ?? { name: '', width: 0, decimals: 0, justify: 0 };
  writeAscii(out, offset + 56, 8, format.name);
  view.setInt16(64, format.width);
  view.setInt16(66, format.decimals);
  view.setInt16(68, format.justify);
  const informat = variable.informat ?? { name: '', width: 0, decimals: 0, justify: 0 };
  writeAscii(out, offset + 72, 8, informat.name);
  view.setInt16(80, informat.width);
  view.setInt16(82, informat.decimals);
  view.setInt32(84, position);
}
