/**
 * A decoder for the part of CBOR (RFC 8949) that Pagefind writes its metadata file in: the search
 * index builder reads the index's chunk table from it (pagefindFiles.ts).
 */

/**
 * Decodes one CBOR item from `buf` (bytes): unsigned and negative integers, byte and text strings,
 * arrays and maps (definite or indefinite length), false, true and null. Maps come back as `Map`,
 * byte strings as `Uint8Array`. Throws on any other item (floats, tags, undefined).
 */
export function decodeCbor(buf: Uint8Array): unknown {
  const view = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
  let i = 0;
  const item = (): unknown => {
    const b = buf[i++]!;
    const major = b >> 5,
      info = b & 31;
    let n: number;
    if (info < 24) n = info;
    else if (info === 24) n = buf[i++]!;
    else if (info === 25) {
      n = view.getUint16(i);
      i += 2;
    } else if (info === 26) {
      n = view.getUint32(i);
      i += 4;
    } else if (info === 27) {
      n = Number(view.getBigUint64(i));
      i += 8;
    } else if (info === 31 && (major === 4 || major === 5)) n = -1;
    else throw new Error(`cbor: unsupported item ${b} at ${i - 1}`);
    const count = (read: () => void) => {
      if (n >= 0) for (let k = 0; k < n; k++) read();
      else {
        while (buf[i] !== 0xff) read();
        i++;
      }
    };
    switch (major) {
      case 0:
        return n;
      case 1:
        return -1 - n;
      case 2: {
        const v = buf.slice(i, i + n);
        i += n;
        return v;
      }
      case 3: {
        const v = new TextDecoder().decode(buf.subarray(i, i + n));
        i += n;
        return v;
      }
      case 4: {
        const a: unknown[] = [];
        count(() => a.push(item()));
        return a;
      }
      case 5: {
        const m = new Map<unknown, unknown>();
        count(() => {
          const k = item();
          m.set(k, item());
        });
        return m;
      }
      case 7:
        if (info === 20) return false;
        if (info === 21) return true;
        if (info === 22) return null;
        break;
    }
    throw new Error(`cbor: unsupported major type ${major}`);
  };
  return item();
}
