"""Regional and national workforce dashboards for regional and national TSET leads."""
