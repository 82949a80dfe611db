import { describe, expect, it } from 'vitest';
import { containerPromptStyle, resolveImage } from './catalogue';

describe('image catalogue', () => {
  it('knows the nginx releases practice exercises pin, and not the deliberately wrong tag', () => {
    for (const tag of ['1.7.1', '1.7.9', '1.18.0', '1.19.8', '1.19.9', '1.19', '1.20', '1.27.3', '1.25-alpine']) expect(resolveImage(`nginx:${tag}`)?.fullName).toBe(`docker.io/library/nginx:${tag}`);
    for (const tag of ['1.91', '1.6', '2.0', '1.277-doesnotexist']) expect(resolveImage(`nginx:${tag}`)).toBeUndefined();
  });

  it('ships account files in busybox and nginx (cat /etc/passwd, kubectl cp pod:/etc/passwd)', () => {
    const busybox = resolveImage('busybox')!.spec.files!;
    expect(busybox['/etc/passwd'].split('\n')[0]).toBe('root:x:0:0:root:/root:/bin/sh');
    expect(busybox['/etc/passwd'].split('\n').map((l) => l.split(':')[0]).filter(Boolean)).toEqual(['root', 'daemon', 'bin', 'sys', 'sync', 'mail', 'www-data', 'operator', 'nobody']);
    expect(busybox['/etc/group']).toContain('\nwheel:x:10:root\n');
    const nginx = resolveImage('nginx:1.27')!.spec.files!;
    expect(nginx['/etc/passwd']).toMatch(/^root:x:0:0:root:\/root:\/bin\/bash\n[\s\S]*\nnginx:x:101:101:nginx user:\/nonexistent:\/bin\/false\n$/);
  });

  it('picks the interactive shell prompt per image flavour: busybox ash, Debian dash, bash', () => {
    expect(containerPromptStyle('busybox:1.28', 'sh')).toBe('sh');
    expect(containerPromptStyle('nginx:1.27-alpine', '/bin/sh')).toBe('sh');
    expect(containerPromptStyle('nginx', '/bin/sh')).toBe('dash');
    expect(containerPromptStyle('ubuntu', 'sh')).toBe('dash');
    expect(containerPromptStyle('nginx', 'bash')).toBe('bash');
    expect(containerPromptStyle('nginx', '/bin/bash')).toBe('bash');
    expect(containerPromptStyle('unknown/image', 'sh')).toBe('sh');
    expect(containerPromptStyle(undefined, 'sh')).toBe('sh');
  });
});
