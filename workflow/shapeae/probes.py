"""Probes: how much of a known factor a representation holds, read out by scikit-learn estimators
fitted on the training folds' codes and scored on the held-out fold.

- `linear`: LinearRegression.
- `lasso`: StandardScaler + Lasso over a beta grid with alpha = beta / n_features (Bechberger's
  parametrisation), beta chosen by cross-validation over the training items' own folds (the test
  fold never enters the fit or the choice).
- baselines `zero` (always predicts the origin) and `mean` (always predicts the training mean).
- `knn`: KNeighborsClassifier (k from the config, Euclidean) for a categorical factor, next to the
  `majority` baseline (always the most frequent training class).
R^2 is `sklearn.metrics.r2_score` with the uniform average over target dimensions.
"""
import numpy as np
import pandas as pd
from sklearn.linear_model import Lasso, LinearRegression, lasso_path
from sklearn.metrics import accuracy_score, r2_score
from sklearn.model_selection import LeaveOneGroupOut
from sklearn.neighbors import KNeighborsClassifier
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler

BECHBERGER_BETAS = (0.001, 0.002, 0.005, 0.01, 0.02, 0.05, 0.1, 0.2, 0.5, 1, 2, 5, 10)


def linear(x, y, groups=None):
    return LinearRegression().fit(x, y)


def lasso(x, y, groups, betas=BECHBERGER_BETAS, max_iter=1000):
    """StandardScaler + Lasso with alpha = beta / n_features, beta by leave-one-group-out CV on
    (x, y) alone (`groups` are the training items' folds), then refitted on all of (x, y).

    The choice is GridSearchCV's (mean R^2 over the held-out groups, uniform over targets, ties to
    the first beta; scikit-learn's default max_iter), but each fold fits the whole beta grid as one
    warm-started `lasso_path` on a precomputed Gram matrix: the same fits, several times faster."""
    alphas = np.asarray(betas, dtype=np.float64) / x.shape[1]
    y = np.asarray(y, dtype=np.float64).reshape(len(y), -1)
    strong_to_weak = np.argsort(-alphas, kind="stable")
    scores = np.zeros(len(alphas))
    splits = list(LeaveOneGroupOut().split(x, y, groups))
    for train, held_out in splits:
        scaler = StandardScaler().fit(x[train])
        x_train, x_held_out = scaler.transform(x[train]), scaler.transform(x[held_out])
        gram = x_train.T @ x_train
        offset = y[train].mean(axis=0)
        for j in range(y.shape[1]):
            _, coefs, _ = lasso_path(x_train, y[train, j] - offset[j], alphas=alphas[strong_to_weak],
                                     precompute=gram, max_iter=max_iter)
            predictions = x_held_out @ coefs + offset[j]
            scores[strong_to_weak] += [r2_score(y[held_out, j], p) for p in predictions.T]
    best = alphas[np.argmax(scores)]
    return make_pipeline(StandardScaler(), Lasso(alpha=best, max_iter=max_iter, precompute=True)).fit(x, y.squeeze())


def chosen_beta(model):
    lasso_step = model.named_steps["lasso"]
    return lasso_step.alpha * lasso_step.n_features_in_


def r2(y_true, y_pred):
    return r2_score(y_true, y_pred, multioutput="uniform_average")


def regression_scores(train_x, train_y, train_groups, test_x, test_y, betas=BECHBERGER_BETAS):
    """Tidy rows (probe, metric, value): held-out R^2 of linear, lasso, zero and mean predictors,
    and the beta the lasso chose."""
    train_y, test_y = np.asarray(train_y, dtype=np.float64), np.asarray(test_y, dtype=np.float64)
    fitted_linear = linear(train_x, train_y)
    fitted_lasso = lasso(train_x, train_y, train_groups, betas)
    mean = np.broadcast_to(train_y.mean(axis=0), test_y.shape)
    rows = [
        ("linear", "r2", r2(test_y, fitted_linear.predict(test_x))),
        ("lasso", "r2", r2(test_y, fitted_lasso.predict(test_x))),
        ("lasso", "beta", chosen_beta(fitted_lasso)),
        ("zero", "r2", r2(test_y, np.zeros_like(test_y))),
        ("mean", "r2", r2(test_y, mean)),
    ]
    return pd.DataFrame(rows, columns=["probe", "metric", "value"])


def knn(x, labels, k=5):
    return KNeighborsClassifier(n_neighbors=k).fit(x, labels)


def classification_scores(train_x, train_labels, test_x, test_labels, k=5):
    """Tidy rows (probe, metric, value): held-out accuracy of the k-NN probe and of the majority
    baseline."""
    values, counts = np.unique(train_labels, return_counts=True)
    majority = values[np.argmax(counts)]
    rows = [
        ("knn", "accuracy", accuracy_score(test_labels, knn(train_x, train_labels, k).predict(test_x))),
        ("majority", "accuracy", float(np.mean(np.asarray(test_labels) == majority))),
    ]
    return pd.DataFrame(rows, columns=["probe", "metric", "value"])


# Pihlgren et al.'s host of MLP probes: hidden layer widths, LeakyReLU between, Adam, early stopping.
MLP_HOSTS = ((), (32,), (64,), (32, 32), (64, 32), (64, 64), (128, 128))


class MLPProbe:
    """A small torch MLP with scikit-learn's fit / predict: inputs standardised on the training items
    (and regression targets too); Adam on mini-batches; after every epoch the validation loss (MSE, or
    cross-entropy for a classifier), stopping `patience` epochs after its best and keeping those
    weights. `n_classes` None: regression."""

    def __init__(self, hidden=(), n_classes=None, lr=1e-3, batch_size=64, max_epochs=200, patience=10, seed=0):
        self.hidden, self.n_classes, self.lr, self.batch_size = tuple(hidden), n_classes, lr, batch_size
        self.max_epochs, self.patience, self.seed = max_epochs, patience, seed

    def _network(self, n_in, n_out):
        import torch
        from torch import nn

        torch.manual_seed(self.seed)
        layers, width = [], n_in
        for h in self.hidden:
            layers += [nn.Linear(width, h), nn.LeakyReLU()]
            width = h
        return nn.Sequential(*layers, nn.Linear(width, n_out))

    def _tensors(self, x, y=None):
        import torch

        x = torch.as_tensor(self.x_scaler.transform(x), dtype=torch.float32)
        if y is None:
            return x
        y = np.asarray(y)
        if self.n_classes:
            return x, torch.as_tensor(y, dtype=torch.int64)
        y = y.reshape(len(y), -1)
        return x, torch.as_tensor(self.y_scaler.transform(y), dtype=torch.float32)

    def fit(self, x, y, val_x, val_y):
        import torch
        from torch.nn import functional as F

        from . import optim

        self.x_scaler = StandardScaler().fit(x)
        if not self.n_classes:
            self.y_scaler = StandardScaler().fit(np.asarray(y, dtype=np.float64).reshape(len(y), -1))
        (x, y), (val_x, val_y) = self._tensors(x, y), self._tensors(val_x, val_y)
        self.network = self._network(x.shape[1], self.n_classes or y.shape[1])
        loss_fn = F.cross_entropy if self.n_classes else F.mse_loss
        optimiser = optim.Adam(self.network.parameters(), lr=self.lr, fused=True)  # one call a step, not 8 per layer
        order = torch.Generator().manual_seed(self.seed)
        best, best_state, best_epoch = float("inf"), None, 0
        for epoch in range(self.max_epochs):
            for batch in torch.randperm(len(x), generator=order).split(self.batch_size):
                optimiser.zero_grad(set_to_none=True)
                loss_fn(self.network(x[batch]), y[batch]).backward()
                optimiser.step()
            with torch.no_grad():
                val_loss = loss_fn(self.network(val_x), val_y).item()
            if val_loss < best:
                best, best_epoch = val_loss, epoch
                best_state = {k: v.clone() for k, v in self.network.state_dict().items()}
            elif epoch - best_epoch >= self.patience:
                break
        self.network.load_state_dict(best_state)
        self.validation_loss_, self.epochs_ = best, epoch + 1
        return self

    def predict(self, x):
        import torch

        with torch.no_grad():
            out = self.network(self._tensors(x)).numpy()
        if self.n_classes:
            return out.argmax(axis=1)
        out = self.y_scaler.inverse_transform(out.astype(np.float64))
        return out[:, 0] if out.shape[1] == 1 else out


def mlp_host(x, y, val_x, val_y, n_classes=None, hosts=MLP_HOSTS, seed=0, **options):
    """Fit one MLPProbe per hidden-layer layout on (x, y); return the one with the lowest validation
    loss on (val_x, val_y) (the held-out fold never enters the choice) and the table of all."""
    fitted = [MLPProbe(hidden, n_classes, seed=seed, **options).fit(x, y, val_x, val_y) for hidden in hosts]
    table = pd.DataFrame({"hidden": [str(list(m.hidden)) for m in fitted],
                          "validation_loss": [m.validation_loss_ for m in fitted],
                          "epochs": [m.epochs_ for m in fitted]})
    return min(fitted, key=lambda m: m.validation_loss_), table
