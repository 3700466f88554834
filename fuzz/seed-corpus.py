#!/usr/bin/env python3
"""Writes realistic seed inputs for the fuzz harnesses into a directory
(one subdirectory per harness): requests as the pages and the API get
them, built from the demo data (demo/lv.json), the route table
(src/http/routes.c) and the forms, plus the classic tricks. The corpora
in tests/fuzz/corpus/ started as these seeds minimised with -merge=1
(make fuzz-merge); run this only to start over:

    python3 fuzz/seed-corpus.py build/libfuzzer/seeds
    build/libfuzzer/fuzz/fuzz_NAME -merge=1 tests/fuzz/corpus/NAME build/libfuzzer/seeds/NAME
"""
import hashlib
import json
import os
import re
import sys
from urllib.parse import urlencode

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..')
out = sys.argv[1] if len(sys.argv) > 1 else 'build/libfuzzer/seeds'
demo = json.load(open(os.path.join(ROOT, 'demo', 'lv.json'), encoding='utf-8'))
inits = demo['initiatives']


def put(target, data):
    if isinstance(data, str):
        data = data.encode('utf-8')
    d = os.path.join(out, target)
    os.makedirs(d, exist_ok=True)
    with open(os.path.join(d, hashlib.sha1(data).hexdigest()[:16]), 'wb') as f:
        f.write(data)


# ---- query strings -------------------------------------------------------
for i in inits[:8]:
    put('query', urlencode({'q': i['title'].split()[0].lower(), 'area': i['area'], 'theme': i['themes'][0],
                            'state': i['history'][-1]['to'] if i['history'] else 'idee', 'page': 2}))
for q in ['', 'q=moestuin', 'q=speeltuin+Voorburg&page=3&per_page=20', 'terug=%2Fmijn-initiatieven',
          'terug=%2F%2Fkwaad.example', 'q=caf%C3%A9+%26+terras', 'a=1&a=2&a=3', 'a=b=c', 'a;b;c=d', '&&&=&',
          '%', '%2', '%zz', '%00', 'x=%00y', '+++', 'q=%E2%82%AC+250%2C00', 'sort=-created&mine=1&area=damsigt',
          'q=' + '%F0%9F%8C%B1' * 3, 'naam=%C3', '=leeg', 'k=' + 'a' * 300]:
    put('query', q)
put('query', '&'.join(f'f{i}=x' for i in range(210)))

# ---- form bodies: first line Content-Type, then the body --------------------
URLENC = 'application/x-www-form-urlencoded'
B = '----WebKitFormBoundary7MA4YWxkTrZu0gW'
put('form', URLENC + '\n' + urlencode({'csrf': 'abc123', 'email': 'fatima.ouali@example.nl', 'password': 'welkom-in-lv',
                                       'terug': '/mijn-initiatieven'}))
for i in inits[:4]:
    pairs = [('csrf', 'abc'), ('title', i['title']), ('summary', i['summary']), ('description', i['description'][:400]),
             ('area', i['area'])] + [('themes', t) for t in i['themes']] + [('sdgs', str(s)) for s in i['sdgs']]
    pairs += [(f'link_{n}', l['url']) for n, l in enumerate(i['links'])]
    pairs += [('help_kind_0', 'geld'), ('help_description_0', 'Plantenbakken en aarde.'), ('help_amount_0', '250,00')]
    put('form', URLENC + '\n' + urlencode(pairs))
put('form', URLENC + '; charset=UTF-8\n' + urlencode({'to': 'intake', 'note': 'Kennismaking gehad.', 'contact': '3'}))


def part(name, value, filename=None, ctype=None, extra=''):
    disp = f'form-data; name="{name}"' + (f'; filename="{filename}"' if filename is not None else '')
    head = f'Content-Disposition: {disp}\r\n' + (f'Content-Type: {ctype}\r\n' if ctype else '') + extra
    return (head + '\r\n').encode() + (value if isinstance(value, bytes) else value.encode())


def multipart(parts, boundary=B, preamble=b'', epilogue=b'\r\n', ct=None):
    body = preamble
    for p in parts:
        body += b'--' + boundary.encode() + b'\r\n' + p + b'\r\n'
    body += b'--' + boundary.encode() + b'--' + epilogue
    return (ct or f'multipart/form-data; boundary={boundary}').encode() + b'\n' + body


PNG = b'\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00\x1f\x15\xc4\x89'
JPEG = b'\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00\xff\xd9'
PDF = b'%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n'
put('form', multipart([part('csrf', 'abc'), part('email', 'fatima.ouali@example.nl'), part('password', 'welkom-in-lv')]))
put('form', multipart([part('title', inits[0]['title']), part('description', inits[0]['description'][:300]),
                       part('foto', PNG, 'tuin.png', 'image/png'), part('plan', PDF, 'plan.pdf', 'application/pdf')]))
put('form', multipart([part('foto', JPEG, 'C:\\fakepath\\plein.jpg', 'image/jpeg'),
                       part('leeg', b'', '', 'application/octet-stream')]))
put('form', multipart([part('a', 'x')], boundary='a b:c', ct='multipart/form-data; boundary="a b:c"'))
put('form', multipart([part('a', 'x')], boundary='grens', ct='Multipart/Form-Data;boundary=grens;charset=utf-8'))
put('form', multipart([part('a', 'x')], preamble=b'preamble\r\n', epilogue=b'\r\nepilogue'))
put('form', multipart([part('bestand', b'<script>alert(1)</script>', 'a.html', 'text/html')]))
put('form', multipart([part('a', 'x', extra='X-Extra: 1\r\n')], boundary='x' * 70))
put('form', b'multipart/form-data; boundary=grens\n--grens\r\nContent-Disposition: form-data; name="a"\r\n\r\nopen')
put('form', b'multipart/form-data\n--grens\r\nContent-Disposition: form-data; name="a"\r\n\r\nx\r\n--grens--')
put('form', b'text/plain\nhello')

# ---- JSON bodies ------------------------------------------------------------
for i in inits[:10]:
    body = {k: i[k] for k in ('title', 'summary', 'description', 'area', 'themes', 'sdgs', 'links', 'show_name')}
    body['help_requests'] = [{'kind': 'geld', 'description': 'Plantenbakken en aarde.', 'amount_cents': 25000},
                             {'kind': 'vrijwilligers', 'description': 'Mensen die water geven.', 'amount_cents': None}]
    put('json', json.dumps(body, ensure_ascii=False))
for h in inits[0]['history'][:4]:
    put('json', json.dumps({'to': h['to'], 'note': h.get('note', ''), 'contact_id': 3}, ensure_ascii=False))
for s in ['{"state":"opgelost"}', '{"kind":"geld","description":"x","amount_cents":-1}', '{"title":null}',
          '{"title":1,"themes":"groen","sdgs":[1.5],"links":[1],"show_name":"ja"}', '{"amount_cents":1e400}',
          '{"title":"a","title":"b"}', '{"title":"\\u0000"}', '{"title":"\\ud800"}', '[1,2]', '"tekst"', '{',
          '{"a":' * 40 + '1' + '}' * 40, '{"t":"' + '[' * 50 + '"}', '{"contact_id":9223372036854775807}',
          '{"contact_id":99999999999999999999}', '{"help_requests":[' + ','.join(['{"kind":"geld"}'] * 12) + ']}',
          '{"themes":["a","a","b","c","d","e","f"]}', '\ufeff{"title":"bom"}', '{"title":"caf\\u00e9 \\u20ac"}']:
    put('json', s)

# ---- markdown ---------------------------------------------------------------
for i in inits[:10]:
    put('markdown', i['description'])
for s in ['[klik](javascript:alert(1))', '[x](JaVaScRiPt:alert(1))', '[x](java&#x09;script:alert(1))',
          '[x](< javascript:alert(1)>)', '<javascript:alert(1)>', '![x](data:image/png;base64,AAAA)',
          '![x](data:text/html;base64,PHNjcmlwdD4=)', '[x](vbscript:msgbox(1))', '[x](file:///etc/passwd)',
          '<script>alert(1)</script>', '<img src=x onerror=alert(1)>', '<a href="javascript:alert(1)">a</a>',
          '[x]: javascript:alert(1)\n\n[x]', '```js"><script>\ncode\n```', '* a\n  * b\n    * c\n\n1. een\n2. twee',
          '> quote\n> > nested', '# kop\n\n## kop 2\n\n---\n\nregel  \nafgebroken', '[a](https://x.example "titel \\"q\\"")',
          '&lt;script&gt; &#60;script&#62; &#x3C;script', '`<script>`', '***sterk en schuin***', '\x00\x01\x02',
          '[' * 100 + ']' * 100, '*' * 200, '<!-- commentaar -->', '<![CDATA[x]]>', 'https://autolink.example',
          '[x](#anker)', '[x](/initiatieven/1)', '[x](//kwaad.example)']:
    put('markdown', s)

# ---- search text (the q of the list and the API) -----------------------------
for i in inits[:6]:
    put('search', ' '.join(i['title'].split()[:3]))
for s in ['moestuin', 'speeltuinen Fonteijn', 'café', 'geëvalueerd', '"moestuin"', 'NEAR(a b)', 'a AND b OR NOT c',
          'speel*', '-', "'t", 'ĳs', '😀', 'e\u0308', 'x:y', '^begin', '((((',
          'title:moestuin', 'a ' * 20, 'ß', '\u2010', '¡hola!', '中文', '\u00ad', 'a\u0300b']:
    put('search', s)

# ---- router: "METHOD PATH" ---------------------------------------------------
routes = re.findall(r'\{\s*"(\w+)",\s*"([^"]+)"', open(os.path.join(ROOT, 'src', 'http', 'routes.c')).read())
for method, pattern in routes:
    path = re.sub(r'\{(\w+)\}', lambda m: {'name': 'app.css'}.get(m.group(1), '12'), pattern)
    put('router', f'{method} {path}')
    put('router', f'{"POST" if method == "GET" else "GET"} {path}')
for s in ['HEAD /', 'GET //', 'GET /initiatieven/', 'GET /initiatieven//bewerken', 'DELETE /api/v1/initiatives/1',
          'GET /api/v1/initiatives/1/help-requests/2/3/4/5', 'GET /static/', 'GET /static/../../etc/passwd',
          'GET /%2e%2e/', 'GET ', 'GET', ' /', 'GET /api', 'PATCH /api/v1/initiatives/1/help-requests/',
          'GET /initiatieven/1/hulpvragen/2/status', 'GET /' + 'a/' * 50]:
    put('router', s)
print('seeds in', out)
