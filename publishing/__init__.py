"""Publications (Demographic Yearbook, Women and Men) as PDFs; built from releases only."""
