/**
 * The configuration languages Monaco does not ship: nginx and systemd
 * units (ids used by file-language.ts).
 */
import type * as Monaco from 'monaco-editor/editor';
import { nginxConfiguration, nginxLanguage } from './nginx.ts';
import { systemdConfiguration, systemdLanguage } from './systemd.ts';

export function registerConfigLanguages(monaco: typeof Monaco): void {
  const languages: [string, Monaco.languages.IMonarchLanguage, Monaco.languages.LanguageConfiguration][] = [
    ['nginx', nginxLanguage, nginxConfiguration],
    ['systemd', systemdLanguage, systemdConfiguration],
  ];
  for (const [id, language, configuration] of languages) {
    monaco.languages.register({ id });
    monaco.languages.setMonarchTokensProvider(id, language);
    monaco.languages.setLanguageConfiguration(id, configuration);
  }
}
