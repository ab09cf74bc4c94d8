import type { TrackerFeature } from '../trackerFeature.js';

/** MLflow tracking (mlflow-skinny), a local ./mlruns file store unless MLFLOW_TRACKING_URI says otherwise. */
export const mlflowFeature: TrackerFeature = {
  id: 'mlflow',
  // The lifecycle's registry backed by MLflow's model registry.
  lifecycleOverlays: ['lifecycle/mlflow'],
  templateData: { trackerUntypedImports: ', "mlflow", "mlflow.*"' },
};
