import { A } from '@solidjs/router';
import { For } from 'solid-js';
import { Dynamic } from 'solid-js/web';
import { useI18n } from '../lib/i18n';
import type { NavSection } from './navigation';

export function NavList(props: { sections: readonly NavSection[]; onNavigate?: () => void }) {
  const { t } = useI18n();
  return (
    <div class="nav-list">
      <For each={props.sections}>
        {(section) => (
          <section class="nav-list__section" aria-labelledby={`nav-section-${section.role}`}>
            <h2 class="nav-list__heading" id={`nav-section-${section.role}`}>
              {t(section.label)}
            </h2>
            <ul class="nav-list__items">
              <For each={section.items}>
                {(item) => (
                  <li>
                    <A
                      href={item.path}
                      class="nav-list__link"
                      activeClass="is-active"
                      end
                      onClick={() => props.onNavigate?.()}
                    >
                      <Dynamic component={item.icon} />
                      <span>{t(item.label)}</span>
                    </A>
                  </li>
                )}
              </For>
            </ul>
          </section>
        )}
      </For>
    </div>
  );
}
