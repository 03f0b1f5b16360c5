"""The experts-by-questions matrix: the cell rules (`rules`, pure) and the builder that
applies them to a run's quotes (`builder`, over the scratch store).

    cells = build_matrix(quotes, codebook, experts, reviewed)
"""

from annotator.matrix.builder import MatrixBuilder, build_matrix, experts_of
from annotator.matrix.rules import MIXED, NEUTRAL, ROWS, Vote, combine

__all__ = ["MIXED", "NEUTRAL", "ROWS", "MatrixBuilder", "Vote", "build_matrix", "combine", "experts_of"]
