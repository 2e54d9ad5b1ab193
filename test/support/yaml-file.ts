// YAML files the tests inspect (provisioning, rules, compose output), parsed with the `yaml` package.
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';

export function loadYaml<T>(file: string): T {
  return parse(readFileSync(file, 'utf8')) as T;
}

export function parseYaml<T>(text: string): T {
  return parse(text) as T;
}
