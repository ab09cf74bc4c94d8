/**
 * Line endings: a checkout with `core.autocrlf=true` has CRLF on disk while the record hashes
 * and the templates are LF. Update and check compare the LF form, and a file that was CRLF is
 * written back CRLF. Binary files (a NUL in the first 8000 bytes) are left as they are.
 */
export function toLf(content: Buffer | undefined): { text: Buffer | undefined; crlf: boolean } {
  if (content === undefined || content.subarray(0, 8000).includes(0) || !content.includes('\r\n')) return { text: content, crlf: false };
  return { text: Buffer.from(content.toString('utf8').replace(/\r\n/g, '\n'), 'utf8'), crlf: true };
}

export function fromLf(content: Buffer): Buffer {
  return Buffer.from(content.toString('utf8').replace(/\r?\n/g, '\r\n'), 'utf8');
}
