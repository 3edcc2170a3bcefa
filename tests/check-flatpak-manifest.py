#!/usr/bin/env python3
"""The Flatpak manifest: flatpak-builder reads it, and it names the same
application as the desktop file and the metainfo, with only the sandbox
holes the issue allows. TAP output."""

import json
import os
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET

root = sys.argv[1]
manifest_path = os.path.join(root, 'io.github.storyline.Storyline.json')
results = []


def check(ok, name, detail=''):
    results.append((bool(ok), name, detail))


builder = shutil.which('flatpak-builder')
if builder is None:
    print('1..0 # SKIP flatpak-builder is not installed (.ci/setup installs it)')
    sys.exit(0)

shown = subprocess.run([builder, '--show-manifest', manifest_path],
                       capture_output=True, text=True)
check(shown.returncode == 0, 'flatpak-builder --show-manifest reads the manifest',
      shown.stderr.strip())
try:
    manifest = json.loads(shown.stdout)
except ValueError as e:
    manifest = {}
    check(False, 'its output is JSON', str(e))

with open(manifest_path, encoding='utf-8') as f:
    on_disk = json.load(f)
check(manifest.get('id') == on_disk.get('id'), 'flatpak-builder sees the id written in the file')

app_id = manifest.get('id') or manifest.get('app-id')
desktop = os.path.join(root, 'data', app_id + '.desktop.in') if app_id else ''
check(os.path.exists(desktop), 'the desktop file is named after the id', desktop)

metainfo = ET.parse(os.path.join(root, 'data', 'io.github.storyline.Storyline.metainfo.xml.in')).getroot()
check(metainfo.findtext('id') == app_id, 'the metainfo <id> is the manifest id',
      f'{metainfo.findtext("id")} != {app_id}')
launchable = metainfo.find('launchable')
check(launchable is not None and launchable.text == f'{app_id}.desktop',
      'the metainfo launches the desktop file of that id')

with open(os.path.join(root, 'meson.build'), encoding='utf-8') as f:
    m = re.search(r"application_id\s*=\s*'([^']+)'", f.read())
check(m is not None and m.group(1) == app_id, 'meson.build builds the same application id')

with open(desktop, encoding='utf-8') if os.path.exists(desktop) else open(os.devnull) as f:
    exec_line = next((l for l in f if l.startswith('Exec=')), 'Exec=')
check(exec_line.split('=', 1)[1].split()[0:1] == [manifest.get('command')],
      'the command is what the desktop file runs', exec_line.strip())

check(manifest.get('runtime') == 'org.gnome.Platform' and manifest.get('sdk') == 'org.gnome.Sdk',
      'the GNOME runtime and SDK')
check(re.fullmatch(r'\d+', str(manifest.get('runtime-version', ''))) is not None,
      'a stable runtime version, not master', str(manifest.get('runtime-version')))
check(sorted(manifest.get('finish-args', [])) ==
      sorted(['--share=ipc', '--socket=fallback-x11', '--socket=wayland', '--device=dri']),
      'finish-args are exactly ipc, fallback-x11, wayland, dri', str(manifest.get('finish-args')))

modules = manifest.get('modules', [])
check(len(modules) == 1 and modules[0].get('buildsystem') == 'meson',
      'one meson module')
sources = modules[0].get('sources', []) if modules else []
check(len(sources) == 1 and sources[0].get('type') == 'dir' and sources[0].get('path') == '.',
      'built from this repository')

print(f'1..{len(results)}')
for i, (ok, name, detail) in enumerate(results, 1):
    print(f'{"ok" if ok else "not ok"} {i} - {name}')
    if not ok and detail:
        for line in detail.splitlines()[:10]:
            print(f'# {line}')
