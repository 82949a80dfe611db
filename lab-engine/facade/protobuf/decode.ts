import { badRequest, genericStatus } from '../../api/errors';
import { readFields, toSigned, type WireField } from './wire';
import { KIND_MESSAGES, MESSAGES } from './schema';

const MAGIC = [0x6b, 0x38, 0x73, 0x00]; // "k8s\0"
const DECODER = new TextDecoder();

/**
 * Decodes a `application/vnd.kubernetes.protobuf` request body (the envelope
 * runtime.Unknown{typeMeta, raw} after the "k8s\0" magic) into the JSON form
 * of the object. Kinds without a schema here get 415 with the usual message.
 */
export function decodeKubernetesProtobuf(body: Uint8Array): Record<string, unknown> {
  if (body.length < 4 || MAGIC.some((b, i) => body[i] !== b)) throw badRequest('protobuf body does not start with the Kubernetes magic number');
  const envelope = decodeMessage(body.subarray(4), 'Unknown') as { typeMeta?: { apiVersion?: string; kind?: string }; raw?: Uint8Array };
  const kind = envelope.typeMeta?.kind ?? '';
  const message = KIND_MESSAGES[kind];
  if (!message || !envelope.raw) {
    throw genericStatus(415, 'UnsupportedMediaType', `the body of the request was in an unknown format - accepted media types include: application/json, application/yaml (protobuf is decoded only for ${Object.keys(KIND_MESSAGES).join(', ')})`);
  }
  const obj = decodeMessage(envelope.raw, message) as Record<string, unknown>;
  return { apiVersion: envelope.typeMeta?.apiVersion, kind, ...obj };
}

function decodeMessage(buf: Uint8Array, name: string): Record<string, unknown> {
  const schema = MESSAGES[name];
  if (!schema) throw new Error(`protobuf: no schema for ${name}`);
  const out: Record<string, unknown> = {};
  for (const f of readFields(buf)) {
    const entry = schema[f.num];
    if (!entry) continue; // unknown fields are skipped, like proto2 decoders do
    const [json, type] = entry;
    if (type.endsWith('[]')) {
      const list = (out[json] as unknown[] | undefined) ?? [];
      list.push(decodeValue(f, type.slice(0, -2)));
      out[json] = list;
    } else if (type.startsWith('map:')) {
      const map = (out[json] as Record<string, unknown> | undefined) ?? {};
      const kv = decodeMessageRaw(f.bytes!);
      map[kv.key] = kv.value === undefined ? '' : decodeValue(kv.value, type.slice(4));
      out[json] = map;
    } else out[json] = decodeValue(f, type);
  }
  return out;
}

function decodeMessageRaw(buf: Uint8Array): { key: string; value?: WireField } {
  let key = '';
  let value: WireField | undefined;
  for (const f of readFields(buf)) {
    if (f.num === 1) key = DECODER.decode(f.bytes);
    if (f.num === 2) value = f;
  }
  return { key, value };
}

function decodeValue(f: WireField, type: string): unknown {
  switch (type) {
    case 'string':
      return DECODER.decode(f.bytes);
    case 'int':
      return toSigned(f.varint ?? 0);
    case 'bool':
      return (f.varint ?? 0) !== 0;
    case 'raw':
      return f.bytes;
    case 'bytes':
      return btoa(String.fromCharCode(...(f.bytes ?? [])));
    case 'time': {
      const t = decodeMessage(f.bytes!, 'Time') as { seconds?: number };
      return new Date((t.seconds ?? 0) * 1000).toISOString().replace('.000Z', 'Z');
    }
    default:
      return decodeMessage(f.bytes!, type);
  }
}
