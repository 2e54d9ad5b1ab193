import { describe, expect, it } from 'vitest';
import { parseExtensions, permessageDeflateResponseProblem } from '../../../analyzers/extensions.js';

describe('parseExtensions (RFC 6455 §9.1)', () => {
  it.each([
    ['empty header', '', []],
    ['bare token', 'permessage-deflate', [{ name: 'permessage-deflate', params: [] }]],
    [
      'params with and without values',
      'permessage-deflate; client_max_window_bits; server_max_window_bits=10',
      [{ name: 'permessage-deflate', params: [{ name: 'client_max_window_bits', value: null }, { name: 'server_max_window_bits', value: '10' }] }],
    ],
    ['quoted-string value', 'permessage-deflate; server_max_window_bits="10"', [{ name: 'permessage-deflate', params: [{ name: 'server_max_window_bits', value: '10' }] }]],
    ['quoted-string with escape', 'x-ext; a="b\\c"', [{ name: 'x-ext', params: [{ name: 'a', value: 'bc' }] }]],
    [
      'two extensions, extra whitespace',
      ' permessage-deflate ;client_no_context_takeover , x-webkit-deflate-frame ',
      [{ name: 'permessage-deflate', params: [{ name: 'client_no_context_takeover', value: null }] }, { name: 'x-webkit-deflate-frame', params: [] }],
    ],
    ['empty list elements', 'a, , b', [{ name: 'a', params: [] }, { name: 'b', params: [] }]],
    ['names are case-insensitive', 'PerMessage-Deflate; Server_No_Context_Takeover', [{ name: 'permessage-deflate', params: [{ name: 'server_no_context_takeover', value: null }] }]],
  ])('%s', (_label, header, expected) => {
    expect(parseExtensions(header)).toEqual({ ok: true, extensions: expected });
  });

  it.each([
    ['unterminated quote', 'permessage-deflate; server_max_window_bits="10'],
    ['quoted value that is not a token', 'permessage-deflate; a="1 0"'],
    ['missing value after =', 'permessage-deflate; server_max_window_bits='],
    ['missing parameter name', 'permessage-deflate; =10'],
    ['separator inside a token', 'permessage-deflate; a=b=c'],
    ['leading semicolon', '; permessage-deflate'],
  ])('rejects %s', (_label, header) => {
    expect(parseExtensions(header).ok).toBe(false);
  });
});

describe('permessageDeflateResponseProblem (RFC 7692 §7)', () => {
  const deflate = (header: string) => {
    const parsed = parseExtensions(header);
    if (!parsed.ok) throw new Error(parsed.error);
    return parsed.extensions;
  };
  const check = (offer: string, response: string) => permessageDeflateResponseProblem(deflate(response)[0]!, deflate(offer));

  it.each([
    ['plain accept', 'permessage-deflate; client_max_window_bits', 'permessage-deflate'],
    ['client_max_window_bits offered and answered', 'permessage-deflate; client_max_window_bits', 'permessage-deflate; client_max_window_bits=10'],
    ['server limits its own window unasked', 'permessage-deflate', 'permessage-deflate; server_max_window_bits=12'],
    ['server confirms no context takeover', 'permessage-deflate; server_no_context_takeover', 'permessage-deflate; server_no_context_takeover'],
    ['fits the second of two offers', 'permessage-deflate; server_no_context_takeover, permessage-deflate', 'permessage-deflate; client_no_context_takeover'],
    ['window bits within the offered limit', 'permessage-deflate; server_max_window_bits=12', 'permessage-deflate; server_max_window_bits=10'],
  ])('accepts: %s', (_label, offer, response) => {
    expect(check(offer, response)).toBeUndefined();
  });

  it.each([
    ['unknown parameter', 'permessage-deflate', 'permessage-deflate; x_param', /unknown parameter/],
    ['duplicate parameter', 'permessage-deflate', 'permessage-deflate; server_no_context_takeover; server_no_context_takeover', /duplicate/],
    ['window bits 7', 'permessage-deflate', 'permessage-deflate; server_max_window_bits=7', /8\.\.15/],
    ['window bits 16', 'permessage-deflate', 'permessage-deflate; server_max_window_bits=16', /8\.\.15/],
    ['window bits with leading zero', 'permessage-deflate', 'permessage-deflate; server_max_window_bits=09', /8\.\.15/],
    ['server_max_window_bits without value', 'permessage-deflate', 'permessage-deflate; server_max_window_bits', /8\.\.15/],
    ['no_context_takeover with a value', 'permessage-deflate', 'permessage-deflate; client_no_context_takeover=1', /takes no value/],
    ['client_max_window_bits not offered', 'permessage-deflate', 'permessage-deflate; client_max_window_bits=10', /not in the offer/],
    ['client_max_window_bits above the offer', 'permessage-deflate; client_max_window_bits=9', 'permessage-deflate; client_max_window_bits=12', /above the offered/],
    ['server window above the offer', 'permessage-deflate; server_max_window_bits=10', 'permessage-deflate; server_max_window_bits=15', /server_max_window_bits/],
    ['server_no_context_takeover not confirmed', 'permessage-deflate; server_no_context_takeover', 'permessage-deflate', /not confirmed/],
    ['deflate never offered', 'x-webkit-deflate-frame', 'permessage-deflate', /not offered/],
  ])('rejects: %s', (_label, offer, response, problem) => {
    expect(check(offer, response)).toMatch(problem);
  });
});
