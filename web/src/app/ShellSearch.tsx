import { useNavigate } from '@solidjs/router';
import { onCleanup, onMount } from 'solid-js';
import { useI18n } from '../lib/i18n';
import { searchQuery, setSearchQuery } from '../lib/search/query';
import { SearchIcon } from '../ui/icons';

function typingSomewhere(target: EventTarget | null): boolean {
  return (
    target instanceof HTMLElement &&
    (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName))
  );
}

/** The top bar's search box: "/" or Ctrl+K focuses it; Enter opens the search page with the query. */
export function ShellSearch() {
  const { t } = useI18n();
  const navigate = useNavigate();
  let input: HTMLInputElement | undefined;

  onMount(() => {
    const focus = (event: KeyboardEvent) => {
      const shortcut =
        (event.key === '/' && !typingSomewhere(event.target)) ||
        (event.key.toLowerCase() === 'k' && (event.ctrlKey || event.metaKey));
      if (!shortcut) return;
      event.preventDefault();
      input?.focus();
      input?.select();
    };
    window.addEventListener('keydown', focus);
    onCleanup(() => window.removeEventListener('keydown', focus));
  });

  return (
    <search class="shell-search">
      <form
        class="shell-search__form"
        onSubmit={(event) => {
          event.preventDefault();
          setSearchQuery(input?.value.trim() ?? '');
          navigate('/search');
        }}
      >
        <SearchIcon />
        <input
          ref={input}
          class="shell-search__input"
          type="search"
          aria-label={t('search.box')}
          placeholder={t('search.boxHint')}
          value={searchQuery()}
          autocomplete="off"
          spellcheck={false}
        />
      </form>
    </search>
  );
}
