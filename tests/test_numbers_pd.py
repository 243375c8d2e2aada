"""Recompute every number and run every quiz snippet on the pandas page (pandas 3)."""

import warnings
from functools import partial

import numpy as np
import pandas as pd
import pytest

import conftest
from conftest import page_text

PAGE = page_text("practical-experience/pandas.md")
run = partial(conftest.snippet_output, PAGE)  # what a quiz snippet that must be on this page printed


def test_pandas_major_version_is_3():
    assert int(pd.__version__.split(".")[0]) >= 3


# ---------------------------------------------------------------- pandas 3 defaults


def test_copy_on_write_and_string_dtype_claims():
    df = pd.DataFrame({"a": [1.0, np.nan, 3.0], "b": [10, 20, 30]})
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        df["a"].fillna(0, inplace=True)  # chained inplace method: no effect
    assert any(issubclass(w.category, pd.errors.ChainedAssignmentError) for w in caught)
    assert df["a"].isna().sum() == 1
    df["a"] = df["a"].fillna(0)
    assert df["a"].isna().sum() == 0
    assert not hasattr(pd.errors, "SettingWithCopyWarning")
    text = pd.Series(["x", None])
    assert str(text.dtype) == "str"
    assert text.dtype != object
    assert pd.api.types.is_string_dtype(text.dtype)
    assert text.isna().tolist() == [False, True]


# ---------------------------------------------------------------- indexing

Q01 = """
import pandas as pd

df = pd.DataFrame({"v": [5, 6, 7, 8, 9, 10]})
print(len(df.loc[1:4]), len(df.iloc[1:4]))
"""


def test_q01_loc_inclusive_iloc_exclusive():
    assert run(Q01) == "4 3"
    assert "- [x] `4 3`" in PAGE


Q02 = """
import pandas as pd

df = pd.DataFrame({"age": [25, 40, 35], "city": ["Oslo", "Rome", "Oslo"]})
picked = df[df["age"] > 30 and df["city"] == "Oslo"]
"""


def test_q02_and_raises_value_error():
    with pytest.raises(ValueError, match="ambiguous"):
        run(Q02)
    df = pd.DataFrame({"age": [25, 40, 35], "city": ["Oslo", "Rome", "Oslo"]})
    assert len(df[(df["age"] > 30) & (df["city"] == "Oslo")]) == 1
    assert len(df.query("age > 30 and city == 'Oslo'")) == 1


Q03 = """
import pandas as pd

df = pd.DataFrame({"a": [1, 2, 3], "b": [10, 20, 30]})
df[df["a"] > 1]["b"] = 0
col = df["b"]
col.iloc[0] = -1
print(df["b"].tolist())
"""


def test_q03_chained_assignment_changes_nothing():
    assert run(Q03) == "[10, 20, 30]"
    assert "- [x] `[10, 20, 30]`" in PAGE
    df = pd.DataFrame({"a": [1, 2, 3], "b": [10, 20, 30]})
    df.loc[df["a"] > 1, "b"] = 0
    assert df["b"].tolist() == [10, 0, 0]


Q04 = """
import pandas as pd

s = pd.Series([10, 20, 30], index=[2, 0, 1])
t = pd.Series([1, 2, 3], index=["x", "y", "z"])
"""


def test_q04_integer_keys_are_labels():
    namespace = {}
    assert Q04.strip() in PAGE
    exec(Q04, namespace)
    s, t = namespace["s"], namespace["t"]
    assert s[0] == 20
    assert s.iloc[0] == 10
    with pytest.raises(KeyError):
        t[0]
    assert s.loc[0:1].tolist() == [20, 30]


def test_indexing_example_numbers():
    df = pd.DataFrame(
        {"city": ["Oslo", "Rome", "Lima", "Pune", "Kyiv"], "temp": [3, 14, 19, 31, 6]},
        index=[10, 20, 30, 40, 50],
    )
    assert len(df.loc[20:40]) == 3 and len(df.iloc[1:3]) == 2
    assert "`df.loc[1:4]` returns four rows while `df.iloc[1:4]` returns three" in PAGE


# ---------------------------------------------------------------- groupby

Q05 = """
import pandas as pd

df = pd.DataFrame({"store": ["A", "A", "B", "B", "B", "C"], "units": [3, 1, 4, 2, 5, 7]})
g = df.groupby("store")["units"]
print(len(g.agg("sum")), len(g.transform("sum")))
"""


def test_q05_agg_versus_transform_lengths():
    assert run(Q05) == "3 6"


Q06 = """
import pandas as pd

sales = pd.DataFrame({
    "store": ["A", "A", "B", "B", "B", "C"],
    "product": ["pen", "ink", "pen", "pen", "ink", "pen"],
    "units": [3, 1, 4, 2, 5, 7],
})
out = sales.groupby(["store", "product"])["units"].sum()
"""


def test_q06_groups_on_two_keys():
    namespace = {}
    assert Q06.strip() in PAGE
    exec(Q06, namespace)
    out = namespace["out"]
    assert len(out) == 5
    assert f"[[{len(out)}]]" in PAGE
    assert out.index.nlevels == 2


Q07 = """
import pandas as pd

df = pd.DataFrame({"team": ["a", None, "a", None], "points": [1, 2, 3, 4]})
print(df.groupby("team")["points"].sum().sum())
"""


def test_q07_missing_keys_are_dropped():
    assert run(Q07) == "4"
    df = pd.DataFrame({"team": ["a", None, "a", None], "points": [1, 2, 3, 4]})
    kept = df.groupby("team", dropna=False)["points"].sum()
    assert kept.sum() == 10 and sorted(kept.tolist()) == [4, 6]


def test_groupby_share_and_categorical_default():
    units = {"A": [3, 1], "B": [4, 2, 5], "C": [7]}
    assert sum(units["B"]) == 11
    assert f"4 / 11 = {4 / 11:.3f}" in PAGE
    cat = pd.DataFrame({"k": pd.Categorical(["a", "a"], categories=["a", "b"]), "v": [1, 2]})
    assert cat.groupby("k")["v"].sum().index.tolist() == ["a"]  # observed=True by default
    assert len(cat.groupby("k", observed=False)["v"].sum()) == 2
    n = pd.DataFrame({"k": ["a", "a", "b"], "v": [1, np.nan, np.nan]})
    assert n.groupby("k")["v"].size().tolist() == [2, 1]
    assert n.groupby("k")["v"].count().tolist() == [1, 0]


# ---------------------------------------------------------------- merge and join


def matched_rows(left_keys, right_keys):
    return sum(left_keys.count(k) * right_keys.count(k) for k in set(left_keys))


def test_merge_worked_example_counts():
    left, right = ["a", "b", "b", "c"], ["b", "b", "b", "d"]
    inner = matched_rows(left, right)
    unmatched_left = sum(k not in right for k in left)
    unmatched_right = sum(k not in left for k in right)
    assert (inner, inner + unmatched_left, inner + unmatched_right, inner + unmatched_left + unmatched_right) == (6, 8, 7, 9)
    assert "2 × 3 = 6 rows" in PAGE
    assert "(8 rows)" in PAGE and "(7 rows)" in PAGE and "(9 rows)" in PAGE
    lf = pd.DataFrame({"key": left})
    rf = pd.DataFrame({"key": right})
    assert [len(lf.merge(rf, on="key", how=h)) for h in ["inner", "left", "right", "outer"]] == [6, 8, 7, 9]


def test_q08_indicator_column():
    left = pd.DataFrame({"id": [1, 2]})
    right = pd.DataFrame({"id": [2, 3]})
    out = left.merge(right, on="id", how="outer", indicator=True)
    assert out["_merge"].dtype == "category"
    assert set(out["_merge"].astype(str)) == {"left_only", "right_only", "both"}


Q09 = """
import pandas as pd

left = pd.DataFrame({"key": ["p", "q", "q", "q", "r"], "x": [1, 2, 3, 4, 5]})
right = pd.DataFrame({"key": ["q", "q", "q", "r", "s"], "y": [6, 7, 8, 9, 10]})
out = left.merge(right, on="key", how="outer")
"""


def test_q09_outer_merge_rows():
    namespace = {}
    assert Q09.strip() in PAGE
    exec(Q09, namespace)
    n = len(namespace["out"])
    assert n == 12 and f"[[{n}]]" in PAGE
    left, right = ["p", "q", "q", "q", "r"], ["q", "q", "q", "r", "s"]
    assert matched_rows(left, right) == 10
    assert "3 × 3 = 9" in PAGE and "1 × 1 = 1" in PAGE


def test_q10_duplicate_lookup_keys_inflate_left_join():
    orders = pd.DataFrame({"customer_id": [1, 1, 2, 3, 9]})
    customers = pd.DataFrame({"customer_id": [1, 2, 2, 3], "segment": ["x", "y", "z", "w"]})
    out = orders.merge(customers, on="customer_id", how="left")
    assert len(out) == len(orders) + 1  # customer 2 appears twice
    assert (out["customer_id"] == 9).sum() == 1  # unmatched order appears once
    inner = orders.merge(customers, on="customer_id", how="inner")
    assert (inner["customer_id"] == 2).sum() == 2 and 9 not in inner["customer_id"].tolist()  # still duplicated, and drops
    with pytest.raises(pd.errors.MergeError):
        orders.merge(customers, on="customer_id", how="left", validate="many_to_one")


Q11 = """
import numpy as np
import pandas as pd

a = pd.DataFrame({"k": [1.0, np.nan], "x": [1, 2]})
b = pd.DataFrame({"k": [np.nan, np.nan], "y": [3, 4]})
print(len(a.merge(b, on="k")))
"""


def test_q11_missing_keys_match():
    assert run(Q11) == "2"


def test_left_join_turns_ints_into_floats():
    out = pd.DataFrame({"c": [1, 2]}).merge(pd.DataFrame({"c": [1], "n": [5]}), on="c", how="left")
    assert out["n"].dtype == np.float64
    both = pd.DataFrame({"id": [1], "v": [1]}).merge(pd.DataFrame({"id": [1], "v": [2]}), on="id")
    assert both.columns.tolist() == ["id", "v_x", "v_y"]


# ---------------------------------------------------------------- reshaping

Q12 = """
import pandas as pd

long = pd.DataFrame({
    "day": ["mon", "tue", "tue"],
    "city": ["Rome", "Rome", "Rome"],
    "temp": [14, 15, 17],
})
"""


def test_q12_pivot_versus_pivot_table():
    namespace = {}
    assert Q12.strip() in PAGE
    exec(Q12, namespace)
    long = namespace["long"]
    with pytest.raises(ValueError, match="Index contains duplicate entries, cannot reshape"):
        long.pivot(index="day", columns="city", values="temp")
    table = long.pivot_table(index="day", columns="city", values="temp")
    assert table.loc["tue", "Rome"] == 16.0
    assert long.pivot_table(index="day", columns="city", values="temp", aggfunc="sum").loc["tue", "Rome"] == 32
    assert f"(15 + 17) / 2 = {(15 + 17) / 2:.1f}" in PAGE


Q13 = """
import pandas as pd

wide = pd.DataFrame({
    "student": ["ana", "ben", "cy"],
    "math": [80, 65, 90],
    "physics": [72, 70, 88],
    "chemistry": [60, 75, 95],
    "biology": [85, 80, 70],
})
long = wide.melt(id_vars="student", var_name="subject", value_name="score")
"""


def test_q13_melt_rows():
    namespace = {}
    assert Q13.strip() in PAGE
    exec(Q13, namespace)
    long = namespace["long"]
    assert long.shape == (12, 3)
    assert f"3 × 4 = {len(long)} rows" in PAGE


Q14 = """
import numpy as np
import pandas as pd

wide = pd.DataFrame({"a": [1, np.nan], "b": [3, 4]}, index=["r1", "r2"])
print(len(wide.stack()))
"""


def test_q14_stack_keeps_missing_values():
    assert run(Q14) == "4"
    wide = pd.DataFrame({"a": [1, np.nan], "b": [3, 4]}, index=["r1", "r2"])
    assert len(wide.stack().dropna()) == 3


def test_unstack_creates_nan_and_floats():
    s = pd.Series([1, 2, 3], index=pd.MultiIndex.from_tuples([("x", "p"), ("x", "q"), ("y", "p")]))
    wide = s.unstack()
    assert wide.isna().sum().sum() == 1
    assert (wide.dtypes == np.float64).all()


# ---------------------------------------------------------------- missing data

Q15 = """
import numpy as np
import pandas as pd

s = pd.Series([np.nan, 2.0, np.nan, np.nan, 5.0])
print((s == np.nan).sum(), s.isna().sum())
"""


def test_q15_nan_is_not_equal_to_nan():
    assert run(Q15) == "0 3"


def test_q16_aggregations_skip_nan():
    s = pd.Series([2.0, np.nan, 4.0, np.nan, 6.0])
    assert s.mean() == 4.0 and s.sum() == 12.0
    assert s.count() == 3 and len(s) == 5
    assert f"{s.fillna(0).mean():.1f}" == "2.4"
    assert np.isnan(s.sum(skipna=False))
    assert "`s.fillna(0).mean()` is 2.4" in PAGE and "12 / 3 = 4.0" in PAGE and "12 / 5 = 2.4" in PAGE


def test_q17_pd_na_logic_and_nullable_ints():
    assert (pd.NA | True) is True
    assert (pd.NA & True) is pd.NA
    assert (pd.NA & False) is False
    assert (pd.NA == pd.NA) is pd.NA
    with pytest.raises(TypeError):
        bool(pd.NA)
    assert pd.Series([1, None, 3]).dtype == np.float64
    nullable = pd.Series([1, None, 3], dtype="Int64")
    assert str(nullable.dtype) == "Int64" and nullable.isna().tolist() == [False, True, False]


def test_missing_data_section_numbers():
    s = pd.Series([1.0, np.nan, 3.0, np.nan])
    assert (s.sum(), s.mean(), s.count(), s.size) == (4.0, 2.0, 2, 4)
    assert s.fillna(0).mean() == 1.0
    assert "the mean is 4 / 2 = 2.0 (not 4 / 4)" in PAGE
    assert "changes the mean to 1.0" in PAGE
    assert pd.Series([np.nan, np.nan]).sum() == 0
    assert np.isnan(pd.Series([np.nan, np.nan]).sum(min_count=1))
    signed = pd.Series([1.0, np.nan, -1.0])
    assert (signed != np.nan).all() and not (signed == np.nan).any()
    assert len(signed[signed > 0]) == 1 and signed[~(signed > 0)].isna().sum() == 1
    mask = pd.Series([True, pd.NA, True], dtype="boolean")
    assert pd.Series([1, 2, 3])[mask].tolist() == [1, 3]
    assert (pd.Series([1, None], dtype="Int64") > 1).isna().tolist() == [False, True]
    df = pd.DataFrame({"a": [1.0, np.nan, 3.0, np.nan], "b": [np.nan, np.nan, 6.0, 8.0], "c": ["x", None, "z", "w"]})
    assert len(df.dropna(thresh=2)) == 3


# ---------------------------------------------------------------- dtypes and performance

Q18 = """
import pandas as pd

df = pd.DataFrame({"id": [7, 8], "score": [0.25, 0.75]})
for _, row in df.iterrows():
    print(row["id"])
"""


def test_q18_iterrows_upcasts():
    assert run(Q18) == "7.0\n8.0"
    df = pd.DataFrame({"id": [7, 8], "score": [0.25, 0.75]})
    assert isinstance(next(df.itertuples()).id, (int, np.integer))


Q19 = """
import pandas as pd

sizes = pd.Series(["10", "9", "100"])
print(sizes.max())
"""


def test_q19_strings_compare_as_text():
    assert run(Q19) == "9"
    assert pd.to_numeric(pd.Series(["10", "9", "100"])).max() == 100
    assert pd.to_numeric(pd.Series(["1", "x"]), errors="coerce").isna().tolist() == [False, True]


def test_q20_categoricals():
    countries = pd.Series([f"c{i % 30}" for i in range(3000)], dtype=object)
    as_cat = countries.astype("category")
    assert as_cat.cat.codes.dtype == np.int8
    assert as_cat.memory_usage(deep=True, index=False) * 5 < countries.memory_usage(deep=True, index=False)
    ids = pd.Series([f"user_{i:08d}" for i in range(20_000)], dtype=object)
    assert ids.astype("category").memory_usage(deep=True, index=False) >= ids.memory_usage(deep=True, index=False)
    with pytest.raises(TypeError):
        as_cat.iloc[0] = "new country"
    ordered = pd.Series(["low", "high", "medium"], dtype=pd.CategoricalDtype(["low", "medium", "high"], ordered=True))
    assert ordered.sort_values().tolist() == ["low", "medium", "high"]
    assert (ordered > "low").tolist() == [False, True, True]


def test_int8_codes_up_to_126_categories():
    def codes_dtype(n):
        return pd.Series([str(i) for i in range(n)]).astype("category").cat.codes.dtype

    assert codes_dtype(126) == np.int8 and codes_dtype(127) == np.int16
    assert "up to 126 categories" in PAGE


def test_transform_leaves_missing_keys_nan_and_loc_on_categorical_raises():
    orders = pd.DataFrame({"customer_id": [1, 1, None, 2], "amount": [10.0, 20.0, 30.0, 40.0]})
    avg = orders.groupby("customer_id")["amount"].transform("mean")
    assert avg.tolist()[:2] == [15.0, 15.0] and np.isnan(avg.iloc[2])
    assert orders.groupby("customer_id", dropna=False)["amount"].transform("mean").iloc[2] == 30.0
    df = pd.DataFrame({"country": pd.Series(["NL", "DE"], dtype="category")})
    with pytest.raises(TypeError):
        df.loc[0, "country"] = "FR"
    df["country"] = df["country"].cat.add_categories(["FR"])
    df.loc[0, "country"] = "FR"
    assert df["country"].tolist() == ["FR", "DE"]


# ---------------------------------------------------------------- claims added after the independent check


def test_i01_column_first_chained_assignment_changes_nothing_in_pandas_3():
    df = pd.DataFrame({"a": [1, 2, 3], "b": [10, 20, 30]})
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        df["b"][df["a"] > 1] = 0
    assert any(issubclass(w.category, pd.errors.ChainedAssignmentError) for w in caught)
    assert df["b"].tolist() == [10, 20, 30]
    assert '`df["col"][mask] = 0` changed `df`' in PAGE


def test_i02_shifted_expanding_mean_excludes_current_row():
    orders = pd.DataFrame({"ts": [3, 1, 2, 4], "customer_id": [1, 1, 1, 2], "amount": [30.0, 10.0, 20.0, 40.0]})
    orders = orders.sort_values("ts")
    prev = orders.groupby("customer_id")["amount"].transform(lambda s: s.shift().expanding().mean())
    assert np.isnan(prev.loc[1]) and prev.loc[2] == 10.0 and prev.loc[0] == 15.0 and np.isnan(prev.loc[3])
    plain = orders.groupby("customer_id")["amount"].transform(lambda s: s.expanding().mean())
    assert plain.loc[1] == 10.0  # includes the current order
    assert "s.shift().expanding().mean()" in PAGE


def test_i05_not_equal_nan_and_default_str_missing():
    s = pd.Series([np.nan, 2.0])
    assert (s != np.nan).tolist() == [True, True]
    assert (s == np.nan).tolist() == [False, False]
    text = pd.Series(["a", None])
    eq = text == "a"
    assert eq.tolist() == [True, False] and eq.dtype == bool
    assert "`!=` gives True" in PAGE


def test_q08_merge_counts_rows():
    left = pd.DataFrame({"id": [1, 2, 2]})
    right = pd.DataFrame({"id": [2, 3]})
    counts = left.merge(right, on="id", how="outer", indicator=True)["_merge"].value_counts()
    assert counts["both"] == 2 and counts["left_only"] == 1 and counts["right_only"] == 1  # rows, not keys
    assert "marks each output row `left_only`, `right_only` or `both`" in PAGE


def test_q20_sorting_follows_category_order_and_column_replacement():
    unordered = pd.Series(pd.Categorical(["b", "a", "c"], categories=["c", "b", "a"]))
    assert not unordered.cat.ordered
    assert unordered.sort_values().tolist() == ["c", "b", "a"]
    inferred = pd.Series(["b", "a", "c"]).astype("category")
    assert inferred.sort_values().tolist() == ["a", "b", "c"]
    df = pd.DataFrame({"country": pd.Series(["NL", "DE"], dtype="category")})
    df["country"] = ["FR", "DE"]  # whole-column replacement: no error, no longer categorical
    assert not isinstance(df["country"].dtype, pd.CategoricalDtype)
    assert "alphabetical only when pandas inferred" in PAGE
