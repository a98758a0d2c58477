"""Drawing on the front ends' side: A4 report pages and the building-elevation picture."""
