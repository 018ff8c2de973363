/**
 * The start page: on first launch and on an empty graph (New), the examples as a gallery, each
 * with its landscape, what it teaches and the lecture section; one click opens it.
 */
import { galleryEntries } from './exampleGallery';

export function StartGallery(props: { onOpen(id: string): void }) {
  return (
    <section className="start-gallery" aria-labelledby="start-title" data-testid="start-page">
      <h2 id="start-title" className="start-title">
        Start from an example
      </h2>
      <ul className="start-cards">
        {galleryEntries.map((entry) => (
          <li key={entry.example.id}>
            <button
              type="button"
              className="start-card"
              data-example={entry.example.id}
              onClick={() => props.onOpen(entry.example.id)}
            >
              {entry.thumbnail ? (
                <img className="start-thumb" src={entry.thumbnail} alt="" />
              ) : (
                <span className="start-thumb" aria-hidden="true" />
              )}
              <span className="start-card-title">{entry.example.title}</span>
              <span className="start-card-teaches">{entry.teaches}</span>
              {entry.section && (
                <span className="start-card-section">Lecture: {entry.section}</span>
              )}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
