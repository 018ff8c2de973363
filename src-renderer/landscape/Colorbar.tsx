/** The colorbar legend: the colormap with loss values at evenly spaced heights. */
import { type ColormapName, cssGradient } from './colormap';
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
