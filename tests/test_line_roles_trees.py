"""art17: boosted trees over the article-start model's logistic margin."""

import json

import numpy as np

from zhnews import line_roles, line_roles_train


def test_tree_margin_walks_nodes_to_a_leaf():
    tree = [0, 0.5, [1, 2.0, 0.25, -0.25], 1.0]
    assert line_roles.tree_margin([0.5, 2.0], [tree]) == 0.25   # x0 <= .5, x1 <= 2
    assert line_roles.tree_margin([0.4, 3.0], [tree]) == -0.25  # x0 <= .5, x1 > 2
    assert line_roles.tree_margin([0.6, 0.0], [tree, tree]) == 2.0  # above: a leaf, twice


def test_start_probability_is_the_logistic_one_without_trees():
    x, w = [1.0, 0.5], [0.2, -1.0]
    assert line_roles.start_probability_with(x, w, ()) == line_roles.probability(x, w)


def test_fit_trees_learns_an_interaction_the_linear_margin_misses():
    # y = a XOR b: no linear margin separates it, two levels of trees do
    rng = np.random.default_rng(0)
    x = rng.integers(0, 2, size=(400, 2)).astype(float)
    y = (x[:, 0] != x[:, 1]).astype(float)
    trees = line_roles_train.fit_trees(x, y, np.zeros(len(y)))
    p = np.array([line_roles.start_probability_with(list(r), [0.0, 0.0], trees) for r in x])
    assert ((p >= 0.5) == (y > 0)).all()
    # deterministic: a refit writes the same trees
    assert json.dumps(trees) == json.dumps(line_roles_train.fit_trees(x, y, np.zeros(len(y))))


def test_the_shipped_model_carries_its_trees():
    doc = json.loads(line_roles.MODEL_PATH.read_text(encoding="utf-8"))
    assert len(doc["trees"]) == line_roles_train.TREE_ROUNDS
    n = len(line_roles.FEATURES)

    def ok(node):
        return isinstance(node, float) or (0 <= node[0] < n and ok(node[2]) and ok(node[3]))
    assert all(ok(t) for t in doc["trees"])
