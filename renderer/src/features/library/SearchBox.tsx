import { forwardRef, useCallback, useEffect, useRef, useState } from 'react';
import { MAX_QUERY_CHARS } from '../../../../shared/model/library';

/** Time between the last keystroke and the search, so typing is not a search per letter. */
const DEBOUNCE_MS = 220;

interface Props {
  query: string;
  onQuery: (query: string) => void;
  /** The list's message when the search could not be understood (`bad-query`). */
  error: string | null;
  /** Esc in an empty box: hand the keyboard back to the list. */
  onLeave: () => void;
}

/** The library's search: FTS5 syntax, ranked hits; `/` focuses it (LibraryView), Esc clears it. */
export const SearchBox = forwardRef<HTMLInputElement, Props>(function SearchBox({ query, onQuery, error, onLeave }, ref) {
  const [text, setText] = useState(query);
  const [help, setHelp] = useState(false);
  // What this box last asked for: a different `query` came from elsewhere (cleared) and replaces the text.
  const committed = useRef(query);
  const commit = useCallback(
    (q: string) => {
      committed.current = q;
      onQuery(q);
    },
    [onQuery],
  );
  useEffect(() => {
    if (query !== committed.current) {
      committed.current = query;
      setText(query);
    }
  }, [query]);
  useEffect(() => {
    if (text.trim() === committed.current) return;
    const t = setTimeout(() => commit(text.trim()), DEBOUNCE_MS);
    return () => clearTimeout(t);
  }, [text, commit]);

  return (
    <div className="search">
      <div className={`search__box${error ? ' search__box--error' : ''}`}>
        <svg className="search__icon" viewBox="0 0 20 20" width="14" height="14" aria-hidden="true">
          <path d="M8.5 3a5.5 5.5 0 1 0 0 11 5.5 5.5 0 0 0 0-11z M12.5 12.5 17 17" fill="none" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" />
        </svg>
        <input
          ref={ref}
          className="search__input"
          data-testid="library-search"
          type="search"
          value={text}
          placeholder="Search titles and text"
          maxLength={MAX_QUERY_CHARS}
          aria-label="Search the library"
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? 'search-error' : undefined}
          spellCheck={false}
          onChange={(e) => setText(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              e.preventDefault();
              commit(text.trim());
            } else if (e.key === 'Escape') {
              e.preventDefault();
              e.stopPropagation();
              if (text) {
                setText('');
                commit('');
              } else onLeave();
            }
          }}
        />
        <kbd className="search__kbd" title="Press / to search">
          /
        </kbd>
        <button type="button" className="search__help-btn" aria-expanded={help} aria-controls="search-help" data-testid="search-help-toggle" title="Search syntax" onClick={() => setHelp(!help)}>
          ?
        </button>
      </div>
      {error && (
        <p className="search__error" id="search-error" role="alert" data-testid="search-error">
          {error}
        </p>
      )}
      {help && (
        <div className="search__help" id="search-help" data-testid="search-help" role="note">
          <table>
            <tbody>
              <tr>
                <td className="search__term"><code>NATO training</code></td>
                <td className="search__means">both words, anywhere</td>
              </tr>
              <tr>
                <td className="search__term"><code>"security advisor"</code></td>
                <td className="search__means">the exact phrase</td>
              </tr>
              <tr>
                <td className="search__term"><code>secur*</code></td>
                <td className="search__means">words starting with secur</td>
              </tr>
              <tr>
                <td className="search__term"><code>Iraq OR Somalia</code></td>
                <td className="search__means">either word (also AND, NOT; any case)</td>
              </tr>
              <tr>
                <td className="search__term"><code>Iraq -Somalia</code></td>
                <td className="search__means">leave out articles with a word</td>
              </tr>
              <tr>
                <td className="search__term"><code>title:Iraq</code></td>
                <td className="search__means">in titles only (text: for the text)</td>
              </tr>
              <tr>
                <td className="search__term"><code>(Iraq OR Iran) NOT Syria</code></td>
                <td className="search__means">group with parentheses</td>
              </tr>
              <tr>
                <td className="search__term"><code>NEAR(Goffus NATO, 10)</code></td>
                <td className="search__means">within 10 words of each other</td>
              </tr>
            </tbody>
          </table>
          <p className="muted small">Case and Latin accents are ignored; in Arabic, vowel marks typed here are set aside and each spelling of hamza is searched (الاعرجي finds الأعرجي). Names with hyphens or apostrophes (al-Araji) work as typed. Boilerplate and repeated passages are not searched.</p>
        </div>
      )}
    </div>
  );
});
