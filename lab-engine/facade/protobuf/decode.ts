import { badRequest, genericStatus } from '../../api/errors';
import { readFields, toSigned, type WireField } from './wire';
import { KIND_MESSAGES, MESSAGES } from './schema';

const MAGIC = [0x6b, 0x38, 0x73, 0x00]; // "k8s\0"
const DECODER = new TextDecoder();
/** Nesting bound: a hostile body cannot recurse forever (real objects nest < 20 deep). */
const MAX_DEPTH = 64;

/**
 * Decodes a `application/vnd.kubernetes.protobuf` request body (the envelope
 * runtime.Unknown{typeMeta, raw} after the "k8s\0" magic) into the JSON form
 * of the object, as encoding/json would print the same Go value: zero scalars
 * of `omitempty` value fields are dropped, pointer fields ('?') and fields
 * without omitempty ('!') keep their zero, an empty metav1.Time is null.
 * Kinds without a schema here get 415 with the usual message.
 */
export function decodeKubernetesProtobuf(body: Uint8Array): Record<string, unknown> {
  if (body.length < 4 || MAGIC.some((b, i) => body[i] !== b)) throw badRequest('protobuf body does not start with the Kubernetes magic number');
  try {
    const envelope = decodeMessage(body.subarray(4), 'Unknown', 0) as { typeMeta?: { apiVersion?: string; kind?: string }; raw?: Uint8Array };
    const kind = envelope.typeMeta?.kind ?? '';
    const message = KIND_MESSAGES[`${envelope.typeMeta?.apiVersion ?? ''}/${kind}`] ?? KIND_MESSAGES[kind];
    if (!message || !envelope.raw) {
      throw genericStatus(415, 'UnsupportedMediaType', `the body of the request was in an unknown format - accepted media types include: application/json, application/yaml (protobuf is decoded only for ${Object.keys(KIND_MESSAGES).join(', ')})`);
    }
    const obj = decodeMessage(envelope.raw, message, 0);
    return { kind, apiVersion: envelope.typeMeta?.apiVersion, ...obj };
  } catch (e) {
    if (e instanceof Error && e.message.startsWith('protobuf:')) throw badRequest(`unable to decode protobuf body: ${e.message}`);
    throw e;
  }
}

interface FieldSpec {
  base: string;
  repeated: boolean;
  map: boolean;
  /** pointer field (sent only when set) or no omitempty: keep zero values */
  keepZero: boolean;
}

function parseType(type: string): FieldSpec {
  const keepZero = type.endsWith('?') || type.endsWith('!');
  let t = keepZero ? type.slice(0, -1) : type;
  const repeated = t.endsWith('[]');
  if (repeated) t = t.slice(0, -2);
  const map = t.startsWith('map:');
  return { base: map ? t.slice(4) : t, repeated, map, keepZero };
}

function decodeMessage(buf: Uint8Array, name: string, depth: number): Record<string, unknown> {
  const schema = MESSAGES[name];
  if (!schema) throw new Error(`protobuf: no schema for ${name}`);
  if (depth > MAX_DEPTH) throw new Error('protobuf: message nested too deeply');
  const out: Record<string, unknown> = {};
  for (const f of readFields(buf)) {
    const entry = schema[f.num];
    if (!entry) continue; // unknown fields are skipped, like proto2 decoders do
    const [json, type] = entry;
    const spec = parseType(type);
    if (spec.map) {
      const map = (out[json] as Record<string, unknown> | undefined) ?? {};
      const kv = mapEntry(f);
      map[kv.key] = kv.value === undefined ? zeroOf(spec.base) : decodeValue(kv.value, spec.base, depth);
      out[json] = map;
      continue;
    }
    const value = decodeValue(f, spec.base, depth);
    if (spec.repeated) {
      const list = (out[json] as unknown[] | undefined) ?? [];
      list.push(value);
      out[json] = list;
    } else if (json === '') {
      Object.assign(out, value as Record<string, unknown>); // embedded struct inlined in JSON (IngressRule.IngressRuleValue)
    } else if (spec.keepZero || !isZero(value)) out[json] = value;
    else delete out[json];
  }
  // a nil slice, map or pointer without omitempty prints as null (encoding/json)
  for (const [json, type] of Object.values(schema)) {
    if (!json || json in out || !type.endsWith('!')) continue;
    const spec = parseType(type);
    out[json] = spec.repeated || spec.map || !SCALARS.has(spec.base) ? null : zeroOf(spec.base);
  }
  return out;
}

const SCALARS = new Set(['string', 'int', 'bool', 'bytes', 'quantity', 'intstr']);

function isZero(v: unknown): boolean {
  return v === '' || v === 0 || v === false;
}

function zeroOf(type: string): unknown {
  if (type === 'string' || type === 'bytes' || type === 'quantity') return '';
  return type === 'int' ? 0 : type === 'bool' ? false : {};
}

function mapEntry(f: WireField): { key: string; value?: WireField } {
  if (!f.bytes) throw new Error('protobuf: map entry is not length-delimited');
  let key = '';
  let value: WireField | undefined;
  for (const e of readFields(f.bytes)) {
    if (e.num === 1 && e.bytes) key = DECODER.decode(e.bytes);
    if (e.num === 2) value = e;
  }
  return { key, value };
}

function bytesOf(f: WireField): Uint8Array {
  if (!f.bytes || f.wire !== 2) throw new Error(`protobuf: field ${f.num} is not length-delimited`);
  return f.bytes;
}

function decodeValue(f: WireField, type: string, depth: number): unknown {
  switch (type) {
    case 'string':
      return DECODER.decode(bytesOf(f));
    case 'int':
      return toSigned(f.varint ?? 0);
    case 'bool':
      return (f.varint ?? 0) !== 0;
    case 'raw':
      return bytesOf(f);
    case 'bytes':
      return base64(bytesOf(f));
    case 'time':
      return timeOf(decodeMessage(bytesOf(f), 'Time', depth + 1));
    case 'quantity':
      return (decodeMessage(bytesOf(f), 'Quantity', depth + 1).string as string | undefined) ?? '';
    case 'intstr': {
      // intstr.IntOrString marshals to JSON as a bare number or string (intstr.go MarshalJSON)
      const v = decodeMessage(bytesOf(f), 'IntOrString', depth + 1) as { type?: number; intVal?: number; strVal?: string };
      return v.type === 1 ? (v.strVal ?? '') : (v.intVal ?? 0);
    }
    default:
      return decodeMessage(bytesOf(f), type, depth + 1);
  }
}

/** metav1.Time: a zero time is sent as an empty message and prints as null (time_proto.go). */
function timeOf(t: Record<string, unknown>): string | null {
  const seconds = (t.seconds as number | undefined) ?? 0;
  if (!seconds && !t.nanos) return null;
  return new Date(seconds * 1000).toISOString().replace('.000Z', 'Z');
}

function base64(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s);
}
