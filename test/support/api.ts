import request from 'supertest';

type Test = ReturnType<ReturnType<typeof request>['get']>;

export interface Api {
  get(path: string): Test;
  post(path: string): Test;
  put(path: string): Test;
  patch(path: string): Test;
  delete(path: string): Test;
}

/** HTTP requests to the server at `url`, as `user` when given (their bearer token on every request), else as a guest. */
export function apiAt(url: string, user?: { auth: { Authorization: string } }): Api {
  const as = (test: Test) => (user ? test.set(user.auth) : test);
  return {
    get: (path) => as(request(url).get(path)),
    post: (path) => as(request(url).post(path)),
    put: (path) => as(request(url).put(path)),
    patch: (path) => as(request(url).patch(path)),
    delete: (path) => as(request(url).delete(path)),
  };
}
