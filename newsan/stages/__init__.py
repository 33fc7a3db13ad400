"""Analysis stages: each reads the Document and enriches it with one kind of result."""
