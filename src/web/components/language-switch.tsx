// Two buttons, each named in its own language, so that a reader of either finds the other.
import { useI18n } from '../lib/language.tsx';
import { type Language, languages } from '../lib/i18n.ts';

const names: Record<Language, string> = { en: 'English', 'zh-CN': '中文' };

export function LanguageSwitch() {
  const { language, setLanguage, t } = useI18n();
  return (
    // biome-ignore lint/a11y/useSemanticElements: a group of toggle buttons, not a form fieldset
    <div className="language-switch" role="group" aria-label={t('web.language')}>
      {languages.map((l) => (
        <button key={l} type="button" lang={l} aria-pressed={language === l} onClick={() => setLanguage(l)}>
          {names[l]}
        </button>
      ))}
    </div>
  );
}
