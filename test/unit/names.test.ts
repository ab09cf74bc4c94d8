import { describe, expect, it } from 'vitest';
import {
  derivePackageName,
  projectNameFromDirectory,
  validatePackageName,
  validateProjectName,
} from '../../src/options/names.js';

describe('package name derivation', () => {
  it.each([
    ['my-project', 'my_project'],
    ['My.Project-v2', 'my_project_v2'],
    ['churn__model', 'churn_model'],
    ['2fast', 'ml_2fast'],
    ['json', 'json_ml'],
    ['class', 'class_ml'],
    ['pandas', 'pandas_ml'],
  ])('%s -> %s', (project, pkg) => {
    expect(derivePackageName(project)).toBe(pkg);
    expect(validatePackageName(pkg)).toBeUndefined();
  });
});

describe('package name validation', () => {
  it.each([
    ['My_Pkg', 'not a valid Python package name'],
    ['1pkg', 'not a valid Python package name'],
    ['with-dash', 'not a valid Python package name'],
    ['import', 'Python keyword'],
    ['match', 'Python keyword'],
    ['logging', 'standard-library module'],
    ['asyncio', 'standard-library module'],
    ['sklearn', 'shadow a module'],
  ])('rejects %s', (name, reason) => {
    expect(validatePackageName(name)).toContain(reason);
  });
});

describe('project name', () => {
  it('accepts PEP 508 names and rejects others', () => {
    expect(validateProjectName('churn-model.v2_x')).toBeUndefined();
    expect(validateProjectName('-bad')).toContain('not a valid project name');
    expect(validateProjectName('has space')).toContain('not a valid project name');
    expect(validateProjectName('')).toContain('empty');
    expect(validateProjectName('a'.repeat(65))).toContain('longer');
  });

  it('derives a valid default from a folder name', () => {
    expect(projectNameFromDirectory('/tmp/My Proj')).toBe('my-proj');
    expect(projectNameFromDirectory('/tmp/ok-name')).toBe('ok-name');
    expect(projectNameFromDirectory('/tmp/***')).toBe('ml-project');
  });
});
