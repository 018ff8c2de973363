/**
 * The colorbar legends: the colormap with loss values at evenly spaced heights, or with
 * curvature values (λmin's diverging map with its zero marked).
 */
import { type ColormapName, cssGradient } from './colormap';
import { type CurvatureScale, curvatureMapName } from './curvatureColor';
import { formatLoss, type HeightScale, scaleTicks } from './heightScale';

export function Colorbar({ map, scale }: { map: ColormapName; scale: HeightScale }) {
  const ticks = scaleTicks(scale, 6);
  return (
    <div className="lv-colorbar" data-testid="landscape-colorbar">
      <div className="lv-colorbar-title">
        {scale.mode === 'linear' ? 'loss' : `loss (${scale.mode})`}
      </div>
      <div className="lv-colorbar-body">
        <div className="lv-colorbar-bar" style={{ background: cssGradient(map) }} />
        <div className="lv-colorbar-ticks">
          {ticks.map((t) => (
            <span key={t.h} style={{ bottom: `${t.h * 100}%` }}>
              {t.label}
            </span>
          ))}
        </div>
      </div>
      {scale.capped !== null && (
        <div className="lv-colorbar-cap" data-testid="landscape-cap">
          capped at {formatLoss(scale.capped)}
        </div>
      )}
    </div>
  );
}

export function CurvatureColorbar({ map, scale }: { map: ColormapName; scale: CurvatureScale }) {
  return (
    <div className="lv-colorbar" data-testid="landscape-colorbar">
      <div className="lv-colorbar-title">{scale.title}</div>
      <div className="lv-colorbar-body">
        <div
          className="lv-colorbar-bar"
          style={{ background: cssGradient(curvatureMapName(scale, { colormap: map })) }}
        />
        <div className="lv-colorbar-ticks">
          {scale.ticks.map((t) => (
            <span
              key={t.t}
              className={t.zero ? 'lv-colorbar-zero' : undefined}
              style={{ bottom: `${t.t * 100}%` }}
            >
              {t.label}
            </span>
          ))}
        </div>
      </div>
    </div>
  );
}
